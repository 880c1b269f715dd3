package app.phare.aggregate;

import app.phare.clean.CleanOrderLine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Sales measures being accumulated, line by line, for days and months: fed either by the lines a run loads
 * (when their months hold no earlier facts) or by a scan of the facts. Order and customer ids are interned per
 * month so that distinct counts work on ints. Gives up (see {@link #abandoned()}) past a line limit, to bound memory.
 */
public final class Accumulation {

    private final Predicate<LocalDate> keepDay;
    private final long maxLines;
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
    private long lines;
    private boolean abandoned;

    /** keepDay: which days get day rows (all when null); maxLines: how many lines before giving up. */
    public Accumulation(Predicate<LocalDate> keepDay, long maxLines) {
        this.keepDay = keepDay;
        this.maxLines = maxLines;
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
        if (++lines > maxLines) {
            abandon();
            return;
        }
        if (!day.equals(lastDay)) {
            switchDay(day);
        }
        long value = Math.multiplyExact(quantityE3, priceE4);
        boolean positive = quantityE3 > 0;
        int order = positive ? intern(monthOrders, orderId) : -1;
        int customer = positive && customerId != null ? intern(monthCustomers, customerId) : -1;
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

    /** Drops everything: the caller will rebuild from the facts instead. */
    public void abandon() {
        abandoned = true;
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
