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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Rebuilds the pre-aggregated sales tables for the days a run touched. For each affected month it streams that
 * month's order lines out of PostgreSQL once and computes, exactly, the day rows of the affected days and the
 * month row, overall and by country, channel, country and channel, and product. Within the caller's transaction.
 */
@ApplicationScoped
public class SalesAggregator {

    /** Key value meaning "all countries/channels/products". */
    public static final String ALL = "*";

    private static final String MEASURES = "country, channel, product, net_revenue, returns, orders, customers, units";

    /** How much the rebuild read and wrote. */
    public record Rebuilt(long linesRead, long rowsWritten) {
    }

    private record Key(LocalDate period, String country, String channel, String product) {
    }

    /** Exact measures of one group: sums at fixed scale (money 7 decimals, units 3) and distinct sets. */
    private static final class Measures {
        long net;
        long returns;
        long units;
        Set<String> orders = Set.of();
        Set<String> customers = Set.of();
    }

    public Rebuilt rebuild(Connection connection, long tenantId, Set<LocalDate> affectedDays) throws SQLException {
        SortedSet<LocalDate> months = new TreeSet<>();
        for (LocalDate d : affectedDays) {
            months.add(d.withDayOfMonth(1));
        }
        delete(connection, "DELETE FROM sales_day WHERE tenant_id = ? AND day = ANY (?)", tenantId, affectedDays);
        delete(connection, "DELETE FROM sales_month WHERE tenant_id = ? AND month = ANY (?)", tenantId, months);
        long read = 0, written = 0;
        for (LocalDate month : months) {
            Map<Key, Measures> dayGroups = new HashMap<>();
            Map<Key, Measures> monthGroups = new HashMap<>();
            read += scanMonth(connection, tenantId, month, affectedDays, dayGroups, monthGroups);
            written += write(connection, "sales_day", "tenant_id, day, " + MEASURES, tenantId, dayGroups);
            written += write(connection, "sales_month", "tenant_id, month, " + MEASURES, tenantId, monthGroups);
        }
        return new Rebuilt(read, written);
    }

    private long scanMonth(Connection connection, long tenantId, LocalDate month, Set<LocalDate> affectedDays,
                           Map<Key, Measures> dayGroups, Map<Key, Measures> monthGroups) throws SQLException {
        String sql = "COPY (SELECT day, country, channel, sku, order_id, customer_id, quantity, unit_price FROM order_line"
                + " WHERE tenant_id = " + tenantId + " AND day >= '" + month + "' AND day < '" + month.plusMonths(1)
                + "') TO STDOUT";
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        long lines = 0;
        String[] f = new String[8];
        LocalDate lastDay = null;
        String lastDayText = null;
        boolean dayAffected = false;
        byte[] row;
        while ((row = out.readFromCopy()) != null) {
            split(new String(row, 0, row.length - 1, StandardCharsets.UTF_8), f);
            if (!f[0].equals(lastDayText)) {
                lastDayText = f[0];
                lastDay = LocalDate.parse(f[0]);
                dayAffected = affectedDays.contains(lastDay);
            }
            long quantity = scaled(f[6], 3);
            long price = scaled(f[7], 4);
            long value = Math.multiplyExact(quantity, price);
            boolean positive = quantity > 0;
            String country = f[1] == null ? "" : f[1];
            String channel = f[2] == null ? "" : f[2];
            String order = positive ? f[4] : null;
            String customer = positive ? f[5] : null;
            long units = positive ? quantity : 0;
            if (dayAffected) {
                addAll(dayGroups, lastDay, country, channel, f[3], value, units, order, customer);
            }
            addAll(monthGroups, month, country, channel, f[3], value, units, order, customer);
            lines++;
        }
        return lines;
    }

    private static void addAll(Map<Key, Measures> groups, LocalDate period, String country, String channel, String sku,
                               long value, long units, String order, String customer) {
        add(groups, new Key(period, ALL, ALL, ALL), value, units, order, customer);
        add(groups, new Key(period, country, ALL, ALL), value, units, order, customer);
        add(groups, new Key(period, ALL, channel, ALL), value, units, order, customer);
        add(groups, new Key(period, country, channel, ALL), value, units, order, customer);
        add(groups, new Key(period, ALL, ALL, sku), value, units, order, customer);
    }

    private static void add(Map<Key, Measures> groups, Key key, long value, long units, String order, String customer) {
        Measures m = groups.computeIfAbsent(key, k -> new Measures());
        m.net = Math.addExact(m.net, value);
        if (value < 0) {
            m.returns = Math.subtractExact(m.returns, value);
        }
        m.units += units;
        if (order != null) {
            if (m.orders.isEmpty()) {
                m.orders = new HashSet<>();
            }
            m.orders.add(order);
        }
        if (customer != null) {
            if (m.customers.isEmpty()) {
                m.customers = new HashSet<>();
            }
            m.customers.add(customer);
        }
    }

    private static long write(Connection connection, String table, String columns, long tenantId,
                              Map<Key, Measures> groups) throws SQLException {
        if (groups.isEmpty()) {
            return 0;
        }
        try (BinaryCopy copy = new BinaryCopy(connection, table, columns)) {
            writeRows(copy, tenantId, groups);
            copy.finish();
        }
        return groups.size();
    }

    private static void writeRows(BinaryCopy copy, long tenantId, Map<Key, Measures> groups) throws SQLException {
        for (Map.Entry<Key, Measures> e : groups.entrySet()) {
            Key k = e.getKey();
            Measures m = e.getValue();
            copy.row(10).int8(tenantId).date(k.period).text(k.country).text(k.channel).text(k.product)
                    .numeric(m.net, 7).numeric(m.returns, 7).int8(m.orders.size()).int8(m.customers.size())
                    .numeric(m.units, 3);
        }
    }

    private static void delete(Connection connection, String sql, long tenantId, Set<LocalDate> dates) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("date", dates.stream().map(java.sql.Date::valueOf).toArray());
            ps.setLong(1, tenantId);
            ps.setArray(2, array);
            ps.executeUpdate();
        }
    }

    /** A decimal in COPY text form ("-12.500") as a long with the given number of decimals. */
    static long scaled(String text, int scale) {
        long value = 0;
        int decimals = -1;
        boolean negative = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-') {
                negative = true;
            } else if (c == '.') {
                decimals = 0;
            } else {
                if (decimals >= scale) {
                    throw new ArithmeticException("more than " + scale + " decimals in " + text);
                }
                value = Math.addExact(Math.multiplyExact(value, 10L), c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            }
        }
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            value = Math.multiplyExact(value, 10L);
        }
        return negative ? -value : value;
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
