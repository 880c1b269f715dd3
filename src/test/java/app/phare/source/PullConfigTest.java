package app.phare.source;

import app.phare.common.ProblemException;
import app.phare.common.net.OutboundPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A pull source's settings at creation: the URL must pass the outbound policy, the headers must be sendable. */
class PullConfigTest {

    private final OutboundPolicy strict = new OutboundPolicy(false, host -> host.equals("rebind.example.test")
            ? new InetAddress[]{InetAddress.getByName("127.0.0.1")} : InetAddress.getAllByName(host));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://127.0.0.1:8080/q/health/ready, LOOPBACK",
            "http://127.1/api/tenants, LOOPBACK",
            "http://0x7f000001/, LOOPBACK",
            "http://2130706433/, LOOPBACK",
            "http://0177.0.0.1/, LOOPBACK",
            "http://localhost:8080/api/tenants, LOOPBACK",
            "http://rebind.example.test/, LOOPBACK",
            "http://[::1]/, LOOPBACK",
            "http://[::ffff:127.0.0.1]/, LOOPBACK",
            "http://0.0.0.0/, UNSPECIFIED",
            "http://169.254.169.254/latest/meta-data/, METADATA",
            "http://10.1.2.3/, PRIVATE",
            "http://172.16.5.4/, PRIVATE",
            "http://192.168.0.10/, PRIVATE",
            "http://100.64.1.1/, SHARED",
            "http://[fc00::5]/, UNIQUE_LOCAL",
            "http://[fe80::5]/, LINK_LOCAL",
            "http://239.1.1.1/, MULTICAST",
            "ftp://files.example.com/, SCHEME",
    })
    void refusesTheAddressAtCreationNamingTheRule(String url, OutboundPolicy.Rule rule) {
        ProblemException e = refused(new PullConfig(url, Map.of(), null, "/data", null, null));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.problem().field()).isEqualTo("pull.url");
        assertThat(e.getMessage()).startsWith("pull.url cannot be called: ").contains(rule.phrase());
    }

    @Test
    void refusesHeadersPhareSetsOrCannotSend() {
        String url = "https://93.184.215.14/deals";
        for (String name : new String[]{"Host", "content-length", "Connection", "Expect", "Upgrade", "Transfer-Encoding"}) {
            ProblemException e = refused(new PullConfig(url, Map.of(name, "x"), null, "", null, null));
            assertThat(e.problem().field()).isEqualTo("pull.headers." + name);
            assertThat(e.getMessage()).isEqualTo("the header " + name + " is set by Phare itself: remove it from the pull's headers");
        }
        assertThat(refused(new PullConfig(url, Map.of("X-Api-Key", "k\r\nHost: 127.0.0.1"), null, "", null, null)).getMessage())
                .isEqualTo("the header X-Api-Key contains a line break: a header is one line");
        assertThat(refused(new PullConfig(url, Map.of("X-Api-Key\n", "k"), null, "", null, null)).getMessage())
                .contains("contains a line break");
        assertThat(refused(new PullConfig(url, Map.of("Api Key", "k"), null, "", null, null)).getMessage())
                .startsWith("the header 'Api Key' cannot be sent");
        assertThat(refused(new PullConfig(url, Map.of("X-Api-Key", "k\u0000"), null, "", null, null)).getMessage())
                .startsWith("the header 'X-Api-Key' cannot be sent");
        assertThat(refused(new PullConfig(url, Map.of("Authorization", "x".repeat(9000)), null, "", null, null)).getMessage())
                .isEqualTo("the header Authorization is longer than 8192 characters");
        PullConfig fine = new PullConfig(url, Map.of("Authorization", "Bearer abc", "X-Api-Key", "k3y"), null, "", null, null).validate(strict);
        assertThat(fine.headers()).containsEntry("Authorization", "Bearer abc");
    }

    private ProblemException refused(PullConfig config) {
        ProblemException e = catchThrowableOfType(() -> config.validate(strict), ProblemException.class);
        assertThat(e).as(config.url() + " " + config.headers()).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }
}
