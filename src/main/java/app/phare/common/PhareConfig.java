package app.phare.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import io.quarkus.runtime.configuration.MemorySize;

import java.util.Optional;

/** Phare's own settings, documented in the README's configuration table. */
@ConfigMapping(prefix = "phare")
public interface PhareConfig {

    /** Where uploads (and the embedded database) live. */
    @WithDefault("data")
    String dataDir();

    /** The address users reach Phare at, for links in e-mails. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** Password of admin@demo.local on first start; generated and logged once when empty. */
    Optional<String> adminPassword();

    /** One JSON object per log line on the console (PHARE_LOG_JSON=true), with tenant and trace ids. */
    @WithDefault("false")
    boolean logJson();

    /** Whether the Demo tenant gets a year of generated orders on first start. */
    @WithDefault("true")
    boolean demoData();

    /**
     * Whether Phare sits behind a proxy it trusts: the client's address and scheme then come from X-Forwarded-For and
     * X-Forwarded-Proto (login throttling per address, Secure cookies and HSTS when the proxy speaks https).
     */
    @WithDefault("false")
    boolean trustProxy();

    Login login();

    Sse sse();

    Pipeline pipeline();

    /** Throttling of failed logins (form and HTTP Basic), per account and per address. */
    interface Login {
        /** Failures of one account after which each further attempt waits, longer each time. */
        @WithDefault("5")
        int delayAfterFailures();

        /** The first wait; it doubles with each further failure, up to max-delay. */
        @WithDefault("1s")
        java.time.Duration delay();

        @WithDefault("30s")
        java.time.Duration maxDelay();

        /** Failures of one account after which it is locked (and its user e-mailed) for lock-duration. */
        @WithDefault("20")
        int lockAfterFailures();

        /** How long a lock lasts; failures older than this are forgotten. */
        @WithDefault("15m")
        java.time.Duration lockDuration();

        /** The same for one address (many people may share one, behind an office router). */
        @WithDefault("20")
        int addressDelayAfterFailures();

        @WithDefault("100")
        int addressLockAfterFailures();
    }

    /** Server-Sent Events streams. */
    interface Sse {
        /** Streams one user may have open at once (pages and API together); one more gets 429. */
        @WithDefault("20")
        int maxPerUser();
    }

    EmbeddedDb embeddedDb();

    interface EmbeddedDb {
        /** Port of the embedded PostgreSQL (read at start-up, before the rest); 0 picks a free one. */
        @WithDefault("0")
        int port();
    }

    Upload upload();

    /** Longest line of a file (PHARE_MAX_LINE_BYTES, counted in characters as read): a longer line is one rejected line. */
    @WithName("max-line-bytes")
    @WithDefault("1M")
    MemorySize maxLineBytes();

    /** The line cap as the readers take it. */
    default int maxLine() {
        return (int) Math.min(Integer.MAX_VALUE - 16, maxLineBytes().asLongValue());
    }

    Outbound outbound();

    Pull pull();

    interface Outbound {
        /** Whether URLs users give (pull sources) may reach loopback, private and CGNAT addresses (on premises). */
        @WithDefault("false")
        boolean allowPrivate();
    }

    interface Pull {
        /** The most a pull may receive from an API, all pages together (suffixes K, M, G allowed). */
        @WithName("max-bytes")
        @WithDefault("1G")
        MemorySize maxBytes();
    }

    Schedule schedule();

    interface Schedule {
        /** Shortest time allowed between two fires of a job's schedule (PHARE_SCHEDULE_MIN_INTERVAL). */
        @WithDefault("1h")
        java.time.Duration minInterval();
    }

    interface Pipeline {
        /** Quartz cron of the nightly run for new tenants, evaluated in each tenant's timezone. */
        @WithDefault("0 0 2 * * ?")
        String cron();

        /** How often a failing run is attempted in all, before it fails. */
        @WithDefault("3")
        int attempts();

        /** Wait before the first retry; each further retry waits backoff-multiplier times longer, up to max-backoff. */
        @WithDefault("30S")
        java.time.Duration backoff();

        @WithDefault("2")
        double backoffMultiplier();

        @WithDefault("10M")
        java.time.Duration maxBackoff();

        /** After this many failed runs in a row, the job pauses itself and the tenant's admins are notified. */
        @WithDefault("3")
        int pauseAfterFailures();
    }

    interface Upload {
        /** Largest accepted upload, in bytes (suffixes K, M, G allowed). */
        @WithName("max-bytes")
        @WithDefault("1G")
        MemorySize maxBytes();
    }
}
