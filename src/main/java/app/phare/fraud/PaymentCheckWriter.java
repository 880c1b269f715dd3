package app.phare.fraud;

import app.phare.tenant.TenantScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the decisions of the payment check behind the answer: a check puts its row in a bounded queue and
 * returns; one background thread writes what has gathered every {@link FraudConfig#flushInterval()} (50 ms), one
 * batch per tenant, and writes the rest at shutdown.
 * <p>
 * The trade-off: the answer never waits on the database, and 500 checks a second cost about 20 small transactions
 * instead of 500. In exchange a decision appears in the list up to one interval after it was given; a crash (not a
 * shutdown) loses the decisions of the last interval; while the database is unreachable the writes are retried with
 * a growing pause (up to 5 s) and the queue fills; once it is full, further decisions are still answered but not
 * stored, and each one so lost is counted and logged.
 */
@ApplicationScoped
public class PaymentCheckWriter {

    private static final Logger LOG = Logger.getLogger(PaymentCheckWriter.class);
    private static final int BATCH = 5000;
    private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One decision to store. */
    record Row(long tenantId, PaymentRequest payment, Decision decision, Instant checkedAt, int micros) {
    }

    @Inject
    FraudConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    private ArrayBlockingQueue<Row> queue;
    private Thread thread;
    private volatile boolean running = true;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** Rows of a failed write, retried before newer ones; touched by the writer thread only. */
    private final List<Row> retry = new ArrayList<>();

    @PostConstruct
    void start() {
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
        thread = new Thread(this::run, "payment-check-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a decision; false (and counted) when the queue is full. */
    public boolean offer(Row row) {
        if (queue.offer(row)) {
            return true;
        }
        long n = dropped.incrementAndGet();
        if (Long.bitCount(n) == 1) { // 1, 2, 4, 8, …: the log says it without flooding
            LOG.errorf("payment check queue full (%d decisions waiting): %d decisions answered but not stored so far",
                    queue.size(), n);
        }
        return false;
    }

    /** Decisions stored since start, and lost because the queue was full. */
    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long interval = config.flushInterval().toNanos();
        long pause = interval;
        while (running) {
            LockSupport.parkNanos(pause);
            pause = flush() ? interval : Math.min(MAX_PAUSE_NANOS, pause * 2);
        }
        // shutdown: one last attempt at everything still waiting
        Thread.interrupted();
        while ((!retry.isEmpty() || !queue.isEmpty()) && flush()) {
            // until empty, or until the database refuses
        }
        if (!retry.isEmpty() || !queue.isEmpty()) {
            LOG.errorf("%d payment check decisions could not be stored before shutdown", retry.size() + queue.size());
        }
    }

    /** Writes what is waiting; false when the database refused (the rows stay for the next attempt). */
    private boolean flush() {
        queue.drainTo(retry, Math.max(0, BATCH - retry.size()));
        if (retry.isEmpty()) {
            return true;
        }
        Map<Long, List<Row>> byTenant = new LinkedHashMap<>();
        for (Row r : retry) {
            byTenant.computeIfAbsent(r.tenantId(), t -> new ArrayList<>()).add(r);
        }
        List<Row> failed = new ArrayList<>();
        for (Map.Entry<Long, List<Row>> e : byTenant.entrySet()) {
            if (!failed.isEmpty()) {
                failed.addAll(e.getValue());
                continue;
            }
            try {
                TenantScope.runAs(e.getKey(), () -> insert(e.getValue()));
                written.addAndGet(e.getValue().size());
            } catch (RuntimeException x) {
                LOG.warnf("could not store %d payment check decisions, will retry: %s", e.getValue().size(), x.getMessage());
                failed.addAll(e.getValue());
            }
        }
        retry.clear();
        retry.addAll(failed);
        return failed.isEmpty();
    }

    private void insert(List<Row> rows) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO payment_check (tenant_id, payment_id, order_id, customer_id, email, amount, currency,
                         card_country, ip_country, billing_country, occurred_at, checked_at, decision, score, reasons, micros)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
            c.setAutoCommit(false);
            try {
                for (Row r : rows) {
                    PaymentRequest p = r.payment();
                    ps.setLong(1, r.tenantId());
                    ps.setString(2, p.paymentId());
                    ps.setString(3, p.orderId());
                    ps.setString(4, p.customerId());
                    ps.setString(5, p.email());
                    ps.setBigDecimal(6, p.amount());
                    ps.setString(7, p.currency());
                    ps.setString(8, p.cardCountry());
                    ps.setString(9, p.ipCountry());
                    ps.setString(10, p.billingCountry());
                    ps.setTimestamp(11, Timestamp.from(p.occurredAt()));
                    ps.setTimestamp(12, Timestamp.from(r.checkedAt()));
                    ps.setString(13, r.decision().decision());
                    ps.setInt(14, r.decision().score());
                    ps.setString(15, json.writeValueAsString(r.decision().reasons()));
                    ps.setInt(16, r.micros());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
