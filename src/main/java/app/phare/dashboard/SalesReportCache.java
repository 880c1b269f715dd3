package app.phare.dashboard;

import app.phare.aggregate.FiguresVersion;
import app.phare.ops.Metrics;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Answers of the sales API per tenant and question, kept while the tenant's figures keep their version (a run's end
 * changes it, see {@link FiguresVersion}) and for a minute at most, the bound should another instance's change message
 * be lost. The answers of a day's dashboard are few and the same for everyone of a tenant, so most calls are a lookup.
 * Answers are kept as the JSON the API sends: a hit costs neither the database nor the serialization. The cache is
 * bounded: beyond {@link #MAX_ENTRIES} the least used answers go, one by one.
 */
@ApplicationScoped
class SalesReportCache {

    static final Duration KEEP = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 20_000;

    private record Key(long tenantId, SalesQuery query) {
    }

    private record Entry(long version, byte[] json) {
    }

    private final Cache<Key, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(KEEP).build();

    @Inject
    FiguresVersion versions;

    @Inject
    Metrics metrics;

    /** The answer's JSON, from memory or from read. */
    byte[] get(long tenantId, SalesQuery query, Supplier<byte[]> read) {
        // the version is read before the figures: an answer read across a run's end is kept under the older version
        long version = versions.of(tenantId);
        Key key = new Key(tenantId, query);
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.version() == version) {
            metrics.cache("sales", true);
            return entry.json();
        }
        metrics.cache("sales", false);
        byte[] json = read.get();
        entries.put(key, new Entry(version, json));
        return json;
    }

    /** How many answers are kept now (after pending evictions). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Whether the answer to this question is kept (under any version). */
    boolean holds(long tenantId, SalesQuery query) {
        return entries.getIfPresent(new Key(tenantId, query)) != null;
    }
}
