package app.phare.aggregate;

import app.phare.clean.CleanOrderLine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Sales measures being accumulated, line by line, for days and months: fed either by the lines a run loads
 * (when their months hold no earlier facts) or by a scan of the facts. Order and customer ids are interned per
 * month so that distinct counts work on ints. Gives up (see {@link #abandoned()}) past a line limit, or, for the
 * loaded lines of a run, when the heap budget shared by all such accumulations runs out: half the heap, at about
 * {@value #BYTES_PER_LINE} bytes a line (154 measured on three years of generated orders of five lines).
 */
public final class Accumulation {

    static final long BYTES_PER_LINE = 160;
    /** Lines reserved from the budget at a time. */
    static final long CHUNK = 1 << 16;
    private static final AtomicLong HEAP_BUDGET = new AtomicLong(Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_LINE);

    private final Predicate<LocalDate> keepDay;
    private final long maxLines;
    /** Lines left to reserve, shared with other accumulations; null when unbounded by it. */
    private final AtomicLong budget;
    private long reserved;
    final Map<LocalDate, PeriodBucket> days = new TreeMap<>();
    final Map<LocalDate, PeriodBucket> months = new TreeMap<>();
    /** Product (sku) of each product id, in id order. */
    final java.util.List<String> products = new java.util.ArrayList<>();
    private final Map<String, Integer> productIds = new HashMap<>();
    private final Map<LocalDate, Map<String, Integer>> orderIds = new HashMap<>();
    private final Map<LocalDate, Map<String, Integer>> customerIds = new HashMap<>();
    private LocalDate lastDay;
    private PeriodBucket dayBucket;
    private PeriodBucket monthBucket;
    private Map<String, Integer> monthOrders;
    private Map<String, Integer> monthCustomers;
    private String lastOrderId;
    private int lastOrder;
    private String lastCustomerId;
    private int lastCustomer;
    private long lines;
    private boolean abandoned;

    /** keepDay: which days get day rows (all when null); maxLines: how many lines before giving up. */
    public Accumulation(Predicate<LocalDate> keepDay, long maxLines) {
        this(keepDay, maxLines, null);
    }

    Accumulation(Predicate<LocalDate> keepDay, long maxLines, AtomicLong budget) {
        this.keepDay = keepDay;
        this.maxLines = maxLines;
        this.budget = budget;
    }

    /**
     * An accumulation of every day that holds lines while the shared heap budget lasts; {@link #abandon()} gives its
     * share back and must be called once it is written or given up.
     */
    public static Accumulation withinHeapBudget(long maxLines) {
        return new Accumulation(null, maxLines, HEAP_BUDGET);
    }

    private boolean reserve() {
        long left = budget.get();
        while (left >= CHUNK) {
            if (budget.compareAndSet(left, left - CHUNK)) {
                reserved += CHUNK;
                return true;
            }
            left = budget.get();
        }
        return false;
    }

    /** Adds a loaded line (quantity with 3 decimals, price with 4). */
    public void add(CleanOrderLine line) {
        if (abandoned) {
            return;
        }
        add(line.day(), line.country(), line.channel(), line.sku(), line.orderId(), line.customerId(),
                line.quantityE3(), line.priceE4());
    }

    /** Adds one line given as its fields; quantity scaled by 1000, price by 10000. */
    public void add(LocalDate day, String country, String channel, String sku, String orderId, String customerId,
                    long quantityE3, long priceE4) {
        if (abandoned) {
            return;
        }
        if (++lines > maxLines || (budget != null && lines > reserved && !reserve())) {
            abandon();
            return;
        }
        if (!day.equals(lastDay)) {
            switchDay(day);
        }
        long value = Math.multiplyExact(quantityE3, priceE4);
        boolean positive = quantityE3 > 0;
        int order = -1;
        int customer = -1;
        if (positive) {
            // an order's lines come one after another: most lines repeat the last order and customer
            if (!orderId.equals(lastOrderId)) {
                lastOrderId = orderId;
                lastOrder = intern(monthOrders, orderId);
            }
            order = lastOrder;
            if (customerId != null) {
                if (!customerId.equals(lastCustomerId)) {
                    lastCustomerId = customerId;
                    lastCustomer = intern(monthCustomers, customerId);
                }
                customer = lastCustomer;
            }
        }
        long units = positive ? quantityE3 : 0;
        String c = country == null ? "" : country;
        String ch = channel == null ? "" : channel;
        Integer product = productIds.get(sku);
        if (product == null) {
            product = products.size();
            products.add(sku);
            productIds.put(sku, product);
        }
        if (dayBucket != null) {
            dayBucket.add(c, ch, product, value, units, order, customer);
        }
        monthBucket.add(c, ch, product, value, units, order, customer);
    }

    private void switchDay(LocalDate day) {
        lastDay = day;
        // ids are interned per month
        lastOrderId = null;
        lastCustomerId = null;
        LocalDate month = day.withDayOfMonth(1);
        monthBucket = months.computeIfAbsent(month, PeriodBucket::new);
        monthOrders = orderIds.computeIfAbsent(month, m -> new HashMap<>());
        monthCustomers = customerIds.computeIfAbsent(month, m -> new HashMap<>());
        dayBucket = keepDay == null || keepDay.test(day) ? days.computeIfAbsent(day, PeriodBucket::new) : null;
    }

    private static int intern(Map<String, Integer> ids, String value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = ids.size();
            ids.put(value, id);
        }
        return id;
    }

    /** Drops everything and gives back its share of the heap budget: written, or the caller rebuilds from the facts. */
    public void abandon() {
        abandoned = true;
        if (reserved > 0) {
            budget.addAndGet(reserved);
            reserved = 0;
        }
        days.clear();
        months.clear();
        products.clear();
        productIds.clear();
        orderIds.clear();
        customerIds.clear();
    }

    public boolean abandoned() {
        return abandoned;
    }

    public long lines() {
        return lines;
    }
}
