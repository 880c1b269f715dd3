package app.phare.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows every session's cart from the event stream. A cart with items and no purchase for longer than the
 * tenant's window (after its last cart event) becomes abandoned: stored, and listed on the Live page within one
 * sweep (every 2 s). A later purchase in the same session recovers it. Each instance sees the whole stream and
 * decides the same; the database keeps one row per session whoever writes first.
 */
@ApplicationScoped
public class CartTracker implements LiveListener {

    private static final Logger LOG = Logger.getLogger(CartTracker.class);
    static final Duration FORGET_AFTER = Duration.ofHours(48);
    static final Duration LISTED = Duration.ofHours(24);

    /** One session's cart. Guarded by its tenant's map. */
    static final class Cart {
        final String sessionId;
        String customerId;
        final Map<String, LiveEvent.Item> items = new LinkedHashMap<>();
        Instant lastCartAt = Instant.EPOCH;
        Instant abandonedAt;
        Instant purchasedAt;
        String purchaseOrderId;
        Instant recoveredAt;

        Cart(String sessionId) {
            this.sessionId = sessionId;
        }

        BigDecimal value() {
            return items.values().stream().map(i -> i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        AbandonedCart view() {
            return new AbandonedCart(sessionId, customerId, value(), List.copyOf(items.values()), lastCartAt, abandonedAt,
                    recoveredAt, recoveredAt == null ? null : purchaseOrderId);
        }
    }

    private final Map<Long, Map<String, Cart>> tenants = new ConcurrentHashMap<>();

    @Inject
    LiveSettingsService settings;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    LivePush push;

    @Override
    @app.phare.tenant.TenantWork
    public void onEvents(@app.phare.tenant.TenantWork.TenantId long tenantId, List<LiveEvent> events, boolean replay) {
        Map<String, Cart> carts = carts(tenantId);
        List<Cart> recovered = new ArrayList<>();
        synchronized (carts) {
            for (LiveEvent e : events) {
                if (e.sessionId() == null) {
                    continue;
                }
                switch (e.type()) {
                    case LiveEvent.CART_ADD -> {
                        Cart cart = carts.computeIfAbsent(e.sessionId(), Cart::new);
                        if (cart.purchasedAt != null && !cart.purchasedAt.isAfter(e.occurredAt())) {
                            // shopping again after a purchase: a new cart for the same session
                            carts.put(e.sessionId(), cart = new Cart(e.sessionId()));
                        }
                        for (LiveEvent.Item it : e.items()) {
                            cart.items.merge(it.sku(), it, (a, b) -> new LiveEvent.Item(a.sku(), a.quantity() + b.quantity(), b.unitPrice()));
                        }
                        touch(cart, e);
                    }
                    case LiveEvent.CART_REMOVE -> {
                        Cart cart = carts.get(e.sessionId());
                        if (cart != null && cart.abandonedAt == null) {
                            for (LiveEvent.Item it : e.items()) {
                                LiveEvent.Item had = cart.items.get(it.sku());
                                if (had != null) {
                                    long left = had.quantity() - it.quantity();
                                    if (left > 0) {
                                        cart.items.put(it.sku(), new LiveEvent.Item(had.sku(), left, had.unitPrice()));
                                    } else {
                                        cart.items.remove(it.sku());
                                    }
                                }
                            }
                            touch(cart, e);
                        }
                    }
                    case LiveEvent.PURCHASE -> {
                        Cart cart = carts.computeIfAbsent(e.sessionId(), Cart::new);
                        if (cart.purchasedAt == null) {
                            cart.purchasedAt = e.occurredAt();
                            cart.purchaseOrderId = e.orderId();
                            if (cart.abandonedAt != null) {
                                cart.recoveredAt = e.occurredAt();
                                recovered.add(cart);
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (!recovered.isEmpty() && !replay) {
            recovered.forEach(c -> markRecovered(tenantId, c));
        }
    }

    private static void touch(Cart cart, LiveEvent e) {
        if (e.occurredAt().isAfter(cart.lastCartAt)) {
            cart.lastCartAt = e.occurredAt();
        }
        if (e.customerId() != null) {
            cart.customerId = e.customerId();
        }
    }

    /** Marks carts past their window as abandoned, stores them and tells the open pages. */
    // node-local: every instance follows the carts in its own memory, so every instance sweeps (not Quartz's one node)
    @Scheduled(every = "2s", identity = "abandoned-carts", executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @app.phare.tenant.SystemWork // every tenant's carts; the rows it writes carry their tenant
    void sweep() {
        Instant now = Instant.now();
        for (Map.Entry<Long, Map<String, Cart>> t : tenants.entrySet()) {
            Duration window = Duration.ofSeconds(settings.get(t.getKey()).cartWindowSeconds());
            List<Cart> newlyAbandoned = new ArrayList<>();
            Map<String, Cart> carts = t.getValue();
            synchronized (carts) {
                for (Cart c : carts.values()) {
                    if (c.abandonedAt == null && c.purchasedAt == null && !c.items.isEmpty()
                            && !c.lastCartAt.plus(window).isAfter(now)) {
                        c.abandonedAt = now;
                        newlyAbandoned.add(c);
                    }
                }
                carts.values().removeIf(c -> c.lastCartAt.plus(window).plus(FORGET_AFTER).isBefore(now)
                        && (c.purchasedAt == null || c.purchasedAt.plus(FORGET_AFTER).isBefore(now)));
            }
            if (!newlyAbandoned.isEmpty()) {
                try {
                    store(t.getKey(), newlyAbandoned);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "could not store %d abandoned carts of tenant %d", newlyAbandoned.size(), t.getKey());
                }
                push.changed(t.getKey());
            }
        }
    }

    /** The tenant's abandoned carts of the last 24 hours, the newest first, recovered ones included. */
    public List<AbandonedCart> abandoned(long tenantId, int limit) {
        Instant since = Instant.now().minus(LISTED);
        Map<String, Cart> carts = carts(tenantId);
        synchronized (carts) {
            return carts.values().stream().filter(c -> c.abandonedAt != null && c.abandonedAt.isAfter(since))
                    .sorted(Comparator.comparing((Cart c) -> c.abandonedAt).reversed()).limit(limit).map(Cart::view).toList();
        }
    }

    /** After the replay at start: what the database knows about abandoned carts wins (they were decided before). */
    void restore() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT tenant_id, session_id, customer_id, items::text, last_cart_at, abandoned_at, recovered_at,
                            recovered_order_id
                     FROM abandoned_cart WHERE abandoned_at > ?""");) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(FORGET_AFTER)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Cart> carts = carts(rs.getLong(1));
                    synchronized (carts) {
                        Cart cart = carts.computeIfAbsent(rs.getString(2), Cart::new);
                        if (cart.items.isEmpty()) {
                            for (LiveEvent.Item it : json.readValue(rs.getString(4), LiveEvent.Item[].class)) {
                                cart.items.put(it.sku(), it);
                            }
                            cart.customerId = rs.getString(3);
                            cart.lastCartAt = rs.getTimestamp(5).toInstant();
                        }
                        cart.abandonedAt = rs.getTimestamp(6).toInstant();
                        Timestamp recoveredAt = rs.getTimestamp(7);
                        if (recoveredAt != null) {
                            cart.recoveredAt = recoveredAt.toInstant();
                            cart.purchaseOrderId = rs.getString(8);
                            cart.purchasedAt = cart.recoveredAt;
                        } else if (cart.purchasedAt != null) {
                            // bought before the crash let the recovery be written
                            cart.recoveredAt = cart.purchasedAt;
                            markRecovered(rs.getLong(1), cart);
                        }
                    }
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not restore abandoned carts: " + e.getMessage(), e);
        }
    }

    void clear() {
        tenants.clear();
    }

    private void store(long tenantId, List<Cart> carts) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO abandoned_cart (tenant_id, session_id, customer_id, value, items, last_cart_at, abandoned_at)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (tenant_id, session_id) DO NOTHING""")) {
            for (Cart cart : carts) {
                AbandonedCart v;
                synchronized (carts(tenantId)) {
                    v = cart.view();
                }
                ps.setLong(1, tenantId);
                ps.setString(2, v.sessionId());
                ps.setString(3, v.customerId());
                ps.setBigDecimal(4, v.value());
                ps.setString(5, json.writeValueAsString(v.items()));
                ps.setTimestamp(6, Timestamp.from(v.lastCartAt()));
                ps.setTimestamp(7, Timestamp.from(v.abandonedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store abandoned carts: " + e.getMessage(), e);
        }
    }

    private void markRecovered(long tenantId, Cart cart) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE abandoned_cart SET recovered_at = ?, recovered_order_id = ?
                     WHERE tenant_id = ? AND session_id = ? AND recovered_at IS NULL""")) {
            ps.setTimestamp(1, Timestamp.from(cart.recoveredAt));
            ps.setString(2, cart.purchaseOrderId);
            ps.setLong(3, tenantId);
            ps.setString(4, cart.sessionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "could not record the recovery of cart %s", cart.sessionId);
        }
    }

    private Map<String, Cart> carts(long tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new LinkedHashMap<>());
    }
}
