package app.phare.fraud;

import app.phare.live.LiveEvent;
import app.phare.live.LiveListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the payment check knows of each tenant's customers, in memory so that a check never waits on the database:
 * the amounts of their last purchases (from the event stream, replayed at start) and the payments checked for them
 * recently (from the checks themselves, and from the stored checks at start, see {@link FraudRebuild}). Bounded:
 * per tenant at most {@link FraudConfig#maxCustomersPerTenant()} customers (the least recently seen go first),
 * {@value #PURCHASES_KEPT} purchases and {@value #PAYMENTS_KEPT} payments each, payments older than the window dropped.
 */
@ApplicationScoped
public class FraudMemory implements LiveListener {

    static final int PURCHASES_KEPT = 20;
    static final int PAYMENTS_KEPT = 1000;

    /** What memory holds of a customer at a check, the checked payment included; usual is null without purchases. */
    public record History(int payments, SortedSet<String> cardCountries, SortedSet<String> ipCountries, int purchases,
                          BigDecimal usual) {
    }

    private record Payment(String paymentId, long at, String cardCountry, String ipCountry) {
    }

    private static final class Customer {
        final long[] purchaseCents = new long[PURCHASES_KEPT];
        int purchases;
        final ArrayDeque<Payment> payments = new ArrayDeque<>();
    }

    /** A tenant's customers, least recently seen first; every access synchronises on it. */
    private static final class TenantMemory extends LinkedHashMap<String, Customer> {
        private final int max;

        TenantMemory(int max) {
            super(1024, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Customer> eldest) {
            return size() > max;
        }
    }

    private final int maxCustomers;
    private final Map<Long, TenantMemory> tenants = new ConcurrentHashMap<>();

    @Inject
    FraudMemory(FraudConfig config) {
        this(config.maxCustomersPerTenant());
    }

    FraudMemory(int maxCustomers) {
        this.maxCustomers = maxCustomers;
    }

    /**
     * Records a payment checked now for the customer and returns the customer's history in the window, this payment
     * included. A payment id seen before in the window is counted once (a client retrying its check).
     */
    public History record(long tenantId, String customerKey, String paymentId, String cardCountry, String ipCountry,
                          long nowMillis, long windowMillis) {
        if (customerKey == null) {
            return new History(1, setOf(cardCountry), setOf(ipCountry), 0, null);
        }
        TenantMemory t = tenant(tenantId);
        synchronized (t) {
            Customer c = t.computeIfAbsent(customerKey, k -> new Customer());
            forgetBefore(c, nowMillis - windowMillis);
            add(c, new Payment(paymentId, nowMillis, cardCountry, ipCountry));
            TreeSet<String> cards = new TreeSet<>();
            TreeSet<String> ips = new TreeSet<>();
            for (Payment p : c.payments) {
                if (p.cardCountry != null) {
                    cards.add(p.cardCountry);
                }
                if (p.ipCountry != null) {
                    ips.add(p.ipCountry);
                }
            }
            return new History(c.payments.size(), cards, ips, Math.min(c.purchases, PURCHASES_KEPT), usual(c));
        }
    }

    /** A payment checked before this start (read back from payment_check): counts for velocity, decides nothing. */
    void restore(long tenantId, String customerKey, String paymentId, String cardCountry, String ipCountry, long atMillis) {
        TenantMemory t = tenant(tenantId);
        synchronized (t) {
            add(t.computeIfAbsent(customerKey, k -> new Customer()), new Payment(paymentId, atMillis, cardCountry, ipCountry));
        }
    }

    /** Purchases give each customer's usual amount; other events are not the check's business. */
    @Override
    public void onEvents(long tenantId, List<LiveEvent> events, boolean replay) {
        TenantMemory t = null;
        for (LiveEvent e : events) {
            if (!LiveEvent.PURCHASE.equals(e.type()) || e.customerId() == null || e.amount() == null || e.amount().signum() <= 0) {
                continue;
            }
            if (t == null) {
                t = tenant(tenantId);
            }
            synchronized (t) {
                Customer c = t.computeIfAbsent(e.customerId(), k -> new Customer());
                c.purchaseCents[c.purchases % PURCHASES_KEPT] = e.amount().movePointRight(2).longValue();
                c.purchases++;
            }
        }
    }

    /** Payments checked on any instance: they count for velocity here too (one payment id counts once). */
    @Override
    public void onPayments(long tenantId, List<app.phare.live.PaymentSeen> payments) {
        for (app.phare.live.PaymentSeen p : payments) {
            if (p.customerKey() != null) {
                restore(tenantId, p.customerKey(), p.paymentId(), p.cardCountry(), p.ipCountry(), p.atMillis());
            }
        }
    }

    /** Customers remembered for the tenant. */
    int customers(long tenantId) {
        TenantMemory t = tenant(tenantId);
        synchronized (t) {
            return t.size();
        }
    }

    /** The median of the kept purchases, the customer's usual amount; null without any. */
    static BigDecimal median(long[] cents, int count) {
        if (count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(cents, count);
        Arrays.sort(sorted);
        long middle = count % 2 == 1 ? sorted[count / 2] : Math.round((sorted[count / 2 - 1] + sorted[count / 2]) / 2.0);
        return BigDecimal.valueOf(middle, 2);
    }

    private static BigDecimal usual(Customer c) {
        return median(c.purchaseCents, Math.min(c.purchases, PURCHASES_KEPT));
    }

    private static void add(Customer c, Payment p) {
        for (Iterator<Payment> it = c.payments.iterator(); it.hasNext(); ) {
            if (it.next().paymentId.equals(p.paymentId)) {
                it.remove();
                break;
            }
        }
        c.payments.addLast(p);
        if (c.payments.size() > PAYMENTS_KEPT) {
            c.payments.removeFirst();
        }
    }

    private static void forgetBefore(Customer c, long since) {
        while (!c.payments.isEmpty() && c.payments.peekFirst().at <= since) {
            c.payments.removeFirst();
        }
    }

    private static SortedSet<String> setOf(String country) {
        return country == null ? Collections.emptySortedSet() : new TreeSet<>(List.of(country));
    }

    private TenantMemory tenant(long tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantMemory(maxCustomers));
    }
}
