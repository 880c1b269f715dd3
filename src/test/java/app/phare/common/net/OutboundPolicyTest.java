package app.phare.common.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The address rules of the outbound policy: every spelling of this server, private and special ranges, schemes. */
class OutboundPolicyTest {

    private final Map<String, String> dns = new HashMap<>(Map.of(
            "api.example.test", "203.0.113.10",
            "rebind.example.test", "127.0.0.1",
            "office.example.test", "192.168.1.20",
            "dual.example.test", "203.0.113.11"));
    private final OutboundPolicy.Resolver resolver = host -> {
        String a = dns.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(a)};
    };
    private final OutboundPolicy strict = new OutboundPolicy(false, resolver);
    private final OutboundPolicy onPremises = new OutboundPolicy(true, resolver);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "http://127.0.0.1:8080/q/health/ready, LOOPBACK",
            "http://127.1/, LOOPBACK",
            "http://0x7f000001/, LOOPBACK",
            "http://2130706433/api/tenants, LOOPBACK",
            "http://0177.0.0.1/, LOOPBACK",
            "http://0127.0.0.1/, LOOPBACK",
            "http://127.0.0.1./, LOOPBACK",
            "http://[::1]:8080/, LOOPBACK",
            "http://[::ffff:127.0.0.1]/, LOOPBACK",
            "http://[::127.0.0.1]/, LOOPBACK",
            "http://[64:ff9b::7f00:1]/, LOOPBACK",
            "http://0.0.0.0:8080/, UNSPECIFIED",
            "http://0/, UNSPECIFIED",
            "http://[::]/, UNSPECIFIED",
            "http://169.254.169.254/latest/meta-data/, METADATA",
            "http://[fd00:ec2::254]/, METADATA",
            "http://169.254.1.1/, LINK_LOCAL",
            "http://[fe80::1]/, LINK_LOCAL",
            "http://10.0.0.1/, PRIVATE",
            "http://172.16.0.1/, PRIVATE",
            "http://172.31.255.255/, PRIVATE",
            "http://192.168.1.1/, PRIVATE",
            "http://[::ffff:10.1.2.3]/, PRIVATE",
            "http://100.64.0.1/, SHARED",
            "http://100.127.255.255/, SHARED",
            "http://[fc00::1]/, UNIQUE_LOCAL",
            "http://[fd12:3456::1]/, UNIQUE_LOCAL",
            "http://224.0.0.1/, MULTICAST",
            "http://239.255.255.250/, MULTICAST",
            "http://[ff02::1]/, MULTICAST",
            "http://255.255.255.255/, RESERVED",
            "http://rebind.example.test/, LOOPBACK",
            "http://office.example.test/, PRIVATE",
            "ftp://api.example.test/, SCHEME",
            "file:///etc/passwd, SCHEME",
            "gopher://api.example.test/, SCHEME",
            "http://nowhere.example.test/, UNKNOWN_HOST",
    })
    void refusesWithTheRuleNamed(String url, OutboundPolicy.Rule rule) {
        OutboundPolicy.Refused refused = catchThrowableOfType(() -> strict.check(URI.create(url)), OutboundPolicy.Refused.class);
        assertThat(refused).as(url).isNotNull();
        assertThat(refused.rule()).isEqualTo(rule);
        assertThat(refused.getMessage()).contains(rule.phrase());
    }

    @Test
    void localhostOfTheSystemResolverIsLoopback() {
        OutboundPolicy system = new OutboundPolicy(false, InetAddress::getAllByName);
        assertThatThrownBy(() -> system.check(URI.create("http://localhost:8080/api/tenants")))
                .isInstanceOfSatisfying(OutboundPolicy.Refused.class, r -> assertThat(r.rule()).isEqualTo(OutboundPolicy.Rule.LOOPBACK))
                .hasMessageStartingWith("localhost resolves to ").hasMessageEndingWith(", a loopback address of this server: "
                        + "Phare does not call private addresses (set PHARE_OUTBOUND_ALLOW_PRIVATE=true on premises)");
    }

    @Test
    void saysWhatANumericSpellingStandsFor() {
        assertThatThrownBy(() -> strict.check(URI.create("http://2130706433/")))
                .hasMessage("the address 2130706433 (127.0.0.1) is a loopback address of this server: Phare does not call "
                        + "private addresses (set PHARE_OUTBOUND_ALLOW_PRIVATE=true on premises)");
        assertThatThrownBy(() -> strict.check(URI.create("http://127.0.0.1:8080/q/health/ready")))
                .hasMessageStartingWith("the address 127.0.0.1 is a loopback address of this server");
        assertThatThrownBy(() -> strict.check(URI.create("http://169.254.169.254/")))
                .hasMessageEndingWith("Phare never calls such addresses");
    }

    @Test
    void allowsPublicAddressesAndNames() throws Exception {
        assertThat(strict.check(URI.create("https://api.example.test/v1/deals?page=1"))).extracting(InetAddress::getHostAddress)
                .containsExactly("203.0.113.10");
        assertThat(strict.check(URI.create("http://8.8.8.8/"))).hasSize(1);
        assertThat(strict.check(URI.create("http://[2001:db8::1]/"))).hasSize(1);
        assertThat(strict.check(URI.create("http://172.32.0.1/"))).hasSize(1);
        assertThat(strict.check(URI.create("http://100.128.0.1/"))).hasSize(1);
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsRefused() {
        OutboundPolicy twoAnswers = new OutboundPolicy(false, host -> new InetAddress[]{
                InetAddress.getByName("203.0.113.11"), InetAddress.getByName("10.0.0.5")});
        assertThatThrownBy(() -> twoAnswers.check(URI.create("http://dual.example.test/")))
                .hasMessageStartingWith("dual.example.test resolves to 10.0.0.5, a private network address");
    }

    @Test
    void theAllowanceLiftsPrivateRangesButNeverMetadataLinkLocalOrMulticast() throws Exception {
        for (String url : new String[]{"http://127.0.0.1:8080/", "http://[::1]/", "http://10.0.0.1/", "http://172.16.0.1/",
                "http://192.168.1.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://office.example.test/"}) {
            assertThat(onPremises.check(URI.create(url))).as(url).isNotEmpty();
        }
        for (String url : new String[]{"http://169.254.169.254/", "http://169.254.10.10/", "http://[fe80::1]/",
                "http://224.0.0.1/", "http://0.0.0.0/", "ftp://office.example.test/"}) {
            assertThatThrownBy(() -> onPremises.check(URI.create(url))).as(url).isInstanceOf(OutboundPolicy.Refused.class);
        }
    }

    @Test
    void aNameIsResolvedAgainOnEveryCheck() throws Exception {
        assertThat(strict.check(URI.create("http://api.example.test/"))).isNotEmpty();
        dns.put("api.example.test", "127.0.0.1");
        assertThatThrownBy(() -> strict.check(URI.create("http://api.example.test/")))
                .hasMessageStartingWith("api.example.test resolves to 127.0.0.1, a loopback address");
    }
}
