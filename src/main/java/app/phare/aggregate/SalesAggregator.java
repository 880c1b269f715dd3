package app.phare.aggregate;

import app.phare.common.db.BinaryCopy;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Rebuilds the pre-aggregated sales tables for the days a run touched. For each affected month it streams that
 * month's order lines out of PostgreSQL once and computes, exactly, the rows of the affected days and of the month:
 * overall, by country, by channel, by country and channel (sales_day/sales_month) and by product
 * (product_sales_day/product_sales_month). Works within the caller's transaction.
 */
@ApplicationScoped
public class SalesAggregator {

    /** Key value meaning "all countries" or "all channels". */
    public static final String ALL = "*";

    private static final String MEASURES = "net_revenue_e7, returns_e7, orders, customers, units_e3";

    /** How much the rebuild read and wrote. */
    public record Rebuilt(long linesRead, long rowsWritten) {
    }

    /** Rebuilds the affected days and their months from the facts, one month at a time. */
    public Rebuilt rebuild(Connection connection, long tenantId, Set<LocalDate> affectedDays) throws SQLException {
        SortedSet<LocalDate> months = monthsOf(affectedDays);
        deleteRows(connection, tenantId, affectedDays, months);
        long read = 0, written = 0;
        for (LocalDate month : months) {
            Accumulation acc = new Accumulation(affectedDays::contains, Long.MAX_VALUE);
            read += scanMonth(connection, tenantId, month, acc);
            written += writeRows(connection, tenantId, acc);
        }
        return new Rebuilt(read, written);
    }

    /**
     * Writes the rows of an accumulation that saw every line of its months (a run whose months held no earlier
     * facts), replacing whatever rows those days and months had.
     */
    public Rebuilt write(Connection connection, long tenantId, Accumulation acc) throws SQLException {
        deleteRows(connection, tenantId, acc.days.keySet(), acc.months.keySet());
        return new Rebuilt(acc.lines(), writeRows(connection, tenantId, acc));
    }

    /** Months (as their first day) of the given days. */
    public static SortedSet<LocalDate> monthsOf(Set<LocalDate> days) {
        SortedSet<LocalDate> months = new TreeSet<>();
        for (LocalDate d : days) {
            months.add(d.withDayOfMonth(1));
        }
        return months;
    }

    private static void deleteRows(Connection connection, long tenantId, Set<LocalDate> days, Set<LocalDate> months)
            throws SQLException {
        delete(connection, "sales_day", "day", tenantId, days);
        delete(connection, "product_sales_by_day", "day", tenantId, days);
        delete(connection, "sales_month", "month", tenantId, months);
        delete(connection, "product_sales_month", "month", tenantId, months);
    }

    private static long writeRows(Connection connection, long tenantId, Accumulation acc) throws SQLException {
        Integer[] productOrder = new Integer[acc.products.size()];
        for (int i = 0; i < productOrder.length; i++) {
            productOrder[i] = i;
        }
        java.util.Arrays.sort(productOrder, (a, b) -> acc.products.get(a).compareTo(acc.products.get(b)));
        return write(connection, tenantId, "day", acc.days.values(), acc.products, productOrder)
                + write(connection, tenantId, "month", acc.months.values(), acc.products, productOrder);
    }

    private long scanMonth(Connection connection, long tenantId, LocalDate month, Accumulation acc) throws SQLException {
        String sql = "COPY (SELECT day, country, channel, sku, order_id, customer_id, quantity_e3, unit_price_e4 FROM order_line"
                + " WHERE tenant_id = " + tenantId + " AND day >= '" + month + "' AND day < '" + month.plusMonths(1)
                + "') TO STDOUT";
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        String[] f = new String[8];
        String lastDayText = null;
        LocalDate day = null;
        long lines = 0;
        byte[] row;
        while ((row = out.readFromCopy()) != null) {
            split(new String(row, 0, row.length - 1, StandardCharsets.UTF_8), f);
            if (!f[0].equals(lastDayText)) {
                lastDayText = f[0];
                day = LocalDate.parse(f[0]);
            }
            acc.add(day, f[1], f[2], f[3], f[4], f[5], Long.parseLong(f[6]), Long.parseLong(f[7]));
            lines++;
        }
        return lines;
    }

    /** A key of sales_day/sales_month, ordered as its primary key. */
    private record CountryChannel(String country, String channel) implements Comparable<CountryChannel> {
        @Override
        public int compareTo(CountryChannel o) {
            int c = country.compareTo(o.country);
            return c != 0 ? c : channel.compareTo(o.channel);
        }
    }

    /** Writes the buckets' rows, in primary-key order so that index pages fill in sequence. */
    private static long write(Connection connection, long tenantId, String grain, Collection<PeriodBucket> buckets,
                              java.util.List<String> products, Integer[] productOrder) throws SQLException {
        if (buckets.isEmpty()) {
            return 0;
        }
        long rows = 0;
        try (BinaryCopy copy = new BinaryCopy(connection, "sales_" + grain,
                "tenant_id, country, channel, " + grain + ", " + MEASURES)) {
            SortedSet<CountryChannel> keys = new TreeSet<>();
            for (PeriodBucket b : buckets) {
                keys.add(new CountryChannel(ALL, ALL));
                b.byCountry.keySet().forEach(c -> keys.add(new CountryChannel(c, ALL)));
                b.byChannel.keySet().forEach(ch -> keys.add(new CountryChannel(ALL, ch)));
                b.byCountryChannel.forEach((c, m) -> m.keySet().forEach(ch -> keys.add(new CountryChannel(c, ch))));
            }
            for (CountryChannel k : keys) {
                for (PeriodBucket b : buckets) {
                    SalesMeasures m = measures(b, k.country(), k.channel());
                    if (m != null) {
                        copy.row(9).int8(tenantId).text(k.country()).text(k.channel()).date(b.period);
                        measures(copy, m);
                        rows++;
                    }
                }
            }
            copy.finish();
        }
        if (grain.equals("day")) {
            return rows + writeProductDays(connection, tenantId, buckets, products, productOrder);
        }
        try (BinaryCopy copy = new BinaryCopy(connection, "product_sales_" + grain,
                "tenant_id, " + grain + ", product, " + MEASURES)) {
            for (PeriodBucket b : buckets) {
                for (int product : productOrder) {
                    SalesMeasures m = product < b.byProduct.length ? b.byProduct[product] : null;
                    if (m != null) {
                        copy.row(8).int8(tenantId).date(b.period).text(products.get(product));
                        measures(copy, m);
                        rows++;
                    }
                }
            }
            copy.finish();
        }
        return rows;
    }

    /** One row per day with the day's products and their measures as parallel arrays; returns the products written. */
    private static long writeProductDays(Connection connection, long tenantId, Collection<PeriodBucket> days,
                                         java.util.List<String> products, Integer[] productOrder) throws SQLException {
        long written = 0;
        String[] names = new String[productOrder.length];
        long[] net = new long[productOrder.length], returns = new long[productOrder.length],
                orders = new long[productOrder.length], customers = new long[productOrder.length],
                units = new long[productOrder.length];
        try (BinaryCopy copy = new BinaryCopy(connection, "product_sales_by_day",
                "tenant_id, day, products, " + MEASURES)) {
            for (PeriodBucket b : days) {
                int n = 0;
                for (int product : productOrder) {
                    SalesMeasures m = product < b.byProduct.length ? b.byProduct[product] : null;
                    if (m != null) {
                        names[n] = products.get(product);
                        net[n] = m.net;
                        returns[n] = m.returns;
                        orders[n] = m.orders();
                        customers[n] = m.customers();
                        units[n] = m.units;
                        n++;
                    }
                }
                if (n > 0) {
                    copy.row(8).int8(tenantId).date(b.period).textArray(names, n).int8Array(net, n)
                            .int8Array(returns, n).int8Array(orders, n).int8Array(customers, n).int8Array(units, n);
                    written += n;
                }
            }
            copy.finish();
        }
        return written;
    }

    private static SalesMeasures measures(PeriodBucket b, String country, String channel) {
        if (ALL.equals(country) && ALL.equals(channel)) {
            return b.all;
        }
        if (ALL.equals(channel)) {
            return b.byCountry.get(country);
        }
        if (ALL.equals(country)) {
            return b.byChannel.get(channel);
        }
        Map<String, SalesMeasures> byChannel = b.byCountryChannel.get(country);
        return byChannel == null ? null : byChannel.get(channel);
    }

    private static void measures(BinaryCopy copy, SalesMeasures m) {
        copy.int8(m.net).int8(m.returns).int8(m.orders()).int8(m.customers()).int8(m.units);
    }

    private static void delete(Connection connection, String table, String column, long tenantId, Set<LocalDate> dates)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE tenant_id = ? AND " + column + " = ANY (?)")) {
            Array array = connection.createArrayOf("date", dates.stream().map(java.sql.Date::valueOf).toArray());
            ps.setLong(1, tenantId);
            ps.setArray(2, array);
            ps.executeUpdate();
        }
    }

    /** Splits a COPY text row into fields, turning \N into null and undoing backslash escapes. */
    static void split(String row, String[] fields) {
        int field = 0;
        int start = 0;
        int n = row.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || row.charAt(i) == '\t') {
                String v = row.substring(start, i);
                fields[field++] = v.equals("\\N") ? null : (v.indexOf('\\') >= 0 ? unescape(v) : v);
                start = i + 1;
            }
        }
    }

    private static String unescape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(++i);
                b.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
