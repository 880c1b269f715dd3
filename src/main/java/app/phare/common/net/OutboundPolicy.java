package app.phare.common.net;

import app.phare.common.PhareConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether Phare may call a URL a user gave (a pull source's, later a webhook's): http or https only, and never
 * this server, its networks or a cloud's metadata service. The host is resolved and every address it resolves to is
 * checked; callers check at creation and again right before each connection and each redirect hop.
 */
@Singleton
public class OutboundPolicy {

    /** Why an address is refused. The private kinds are allowed with PHARE_OUTBOUND_ALLOW_PRIVATE=true. */
    public enum Rule {
        SCHEME("not an http or https address", false),
        UNKNOWN_HOST("a host that could not be found", false),
        UNSPECIFIED("the unspecified address, which reaches this server", false),
        LOOPBACK("a loopback address of this server", true),
        METADATA("a cloud metadata address (it hands out the server's credentials)", false),
        LINK_LOCAL("a link-local address", false),
        PRIVATE("a private network address (RFC 1918)", true),
        UNIQUE_LOCAL("a private IPv6 address (unique local, fc00::/7)", true),
        SHARED("a carrier-grade NAT address (100.64.0.0/10)", true),
        MULTICAST("a multicast address", false),
        RESERVED("a reserved address", false);

        private final String phrase;
        private final boolean lifted;

        Rule(String phrase, boolean lifted) {
            this.phrase = phrase;
            this.lifted = lifted;
        }

        /** What the rule says about an address, in a manager's words. */
        public String phrase() {
            return phrase;
        }

        /** Whether PHARE_OUTBOUND_ALLOW_PRIVATE=true allows such addresses. */
        public boolean liftedByAllowance() {
            return lifted;
        }
    }

    /** The URL may not be called; the message names the rule. */
    public static final class Refused extends Exception {
        private final Rule rule;

        Refused(Rule rule, String message) {
            super(message);
            this.rule = rule;
        }

        public Rule rule() {
            return rule;
        }
    }

    /** Turns a host name into its addresses (the system's DNS; tests inject their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final String ALLOWANCE = "Phare does not call private addresses (set PHARE_OUTBOUND_ALLOW_PRIVATE=true on premises)";

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    public OutboundPolicy(PhareConfig config) {
        this(config.outbound().allowPrivate(), InetAddress::getAllByName);
    }

    public OutboundPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Checks a URL's scheme, then every address its host stands for; returns those addresses. */
    public List<InetAddress> check(URI uri) throws Refused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused(Rule.SCHEME, "'" + uri + "' is " + Rule.SCHEME.phrase() + ": Phare calls only those");
        }
        String host = host(uri);
        if (host.isEmpty()) {
            throw new Refused(Rule.UNKNOWN_HOST, "'" + uri + "' names no host");
        }
        List<InetAddress> addresses = new ArrayList<>();
        boolean literal = host.contains(":") || AddressRules.ipv4Readings(host, addresses);
        if (host.contains(":")) {
            try {
                addresses.add(InetAddress.getByName(host));     // an IPv6 literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw new Refused(Rule.UNKNOWN_HOST, "'" + host + "' is not a valid IPv6 address");
            }
        } else if (!literal) {
            try {
                addresses.addAll(List.of(resolver.resolve(host)));
            } catch (UnknownHostException e) {
                throw new Refused(Rule.UNKNOWN_HOST, host + " is " + Rule.UNKNOWN_HOST.phrase() + " (no DNS answer)");
            }
        }
        for (InetAddress a : addresses) {
            Optional<Rule> rule = AddressRules.classify(a);
            if (rule.isPresent() && !(allowPrivate && rule.get().liftedByAllowance())) {
                String shown = a.getHostAddress();
                boolean plain = host.equals(shown) || host.contains(":") && !(a instanceof Inet4Address);
                String subject = literal ? "the address " + host + (plain ? "" : " (" + shown + ")") + " is "
                        : host + " resolves to " + shown + ", ";
                throw new Refused(rule.get(), subject + rule.get().phrase() + ": "
                        + (rule.get().liftedByAllowance() ? ALLOWANCE : "Phare never calls such addresses"));
            }
        }
        return addresses;
    }

    /** The host of a URL, also when java.net.URI finds none (http://127.1/ has a "registry" authority). */
    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            host = authority.substring(authority.lastIndexOf('@') + 1);
            if (!host.startsWith("[")) {
                host = host.replaceFirst(":[0-9]*$", "");
            }
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return host.toLowerCase(Locale.ROOT);
    }

}
