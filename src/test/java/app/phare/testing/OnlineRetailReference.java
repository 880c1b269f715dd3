package app.phare.testing;

import org.postgresql.PGConnection;

import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of the online-retail export computed independently of Phare: the cleaning rules written directly in
 * plain SQL over a raw COPY of the file. The reference every test of that file compares Phare's answers with.
 */
public final class OnlineRetailReference {

    private OnlineRetailReference() {
    }

    /** The 13 months: period "2011-11", key "", netRevenue, returns, orders, customers, units. */
    public static List<Map<String, Object>> monthly(Connection c) throws Exception {
        return figures(c, "to_char(date_trunc('month', ts), 'YYYY-MM')", "''", "");
    }

    /** One month by day and product: period "2011-11-05", key the sku. */
    public static List<Map<String, Object>> byProductAndDay(Connection c, String month) throws Exception {
        return figures(c, "to_char(ts, 'YYYY-MM-DD')", "sku",
                "WHERE to_char(ts, 'YYYY-MM') = '" + month.replaceAll("[^0-9-]", "") + "'");
    }

    /**
     * The cleaning rules written directly in SQL over a raw COPY of the file: required fields, quantity 0 and
     * price <= 0 rejected, returns kept negative, customer ids "17850.0" read as "17850", exact duplicates once,
     * months in Europe/London (the file's timestamps are UK local time).
     */
    private static List<Map<String, Object>> figures(Connection c, String period, String key, String where) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS retail_raw");
            st.execute("CREATE TEMP TABLE retail_raw (invoice text, stock text, descr text, qty text, ts text, price text, cust text, country text)");
            try (InputStream in = Files.newInputStream(SharedData.onlineRetail())) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY retail_raw FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            String sql = """
                    WITH t AS (
                      SELECT nullif(trim(invoice), '') AS inv, nullif(trim(ts), '') AS ts, upper(nullif(trim(stock), '')) AS sku,
                             nullif(trim(descr), '') AS d, nullif(trim(qty), '') AS q, nullif(trim(price), '') AS p,
                             regexp_replace(nullif(trim(cust), ''), '^(-?[0-9]+)\\.0+$', '\\1') AS c, nullif(trim(country), '') AS co
                      FROM retail_raw),
                    valid AS (
                      SELECT inv, ts::timestamp AS ts, sku, d, q::numeric AS q, p::numeric AS p, c, co FROM t
                      WHERE inv IS NOT NULL AND ts IS NOT NULL AND sku IS NOT NULL
                        AND q ~ '^[-+]?[0-9]+(\\.[0-9]+)?$' AND p ~ '^[-+]?[0-9]+(\\.[0-9]+)?$'),
                    kept AS (SELECT DISTINCT inv, ts, sku, d, q, p, c, co FROM valid WHERE q <> 0 AND p > 0)
                    SELECT %s AS period, %s AS key,
                           round(sum(q * p), 2) AS net,
                           round(coalesce(sum(-q * p) FILTER (WHERE q < 0), 0), 2) AS returns,
                           count(DISTINCT inv) FILTER (WHERE q > 0) AS orders,
                           count(DISTINCT c) FILTER (WHERE q > 0) AS customers,
                           coalesce(sum(q) FILTER (WHERE q > 0), 0) AS units
                    FROM kept %s GROUP BY 1, 2 ORDER BY 1, 2""";
            return query(st, sql.formatted(period, key, where));
        }
    }

    /** The rows of a sales API answer (parsed with big decimals) in the same shape, for comparison. */
    public static List<Map<String, Object>> apiRows(List<Map<String, Object>> rows, boolean withKey) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            result.add(Map.of("period", r.get("period"), "key", withKey ? r.get("key") : "",
                    "netRevenue", new java.math.BigDecimal(r.get("netRevenue").toString()).setScale(2),
                    "returns", new java.math.BigDecimal(r.get("returns").toString()).setScale(2),
                    "orders", new java.math.BigDecimal(r.get("orders").toString()).longValueExact(),
                    "customers", new java.math.BigDecimal(r.get("customers").toString()).longValueExact(),
                    "units", new java.math.BigDecimal(r.get("units").toString()).stripTrailingZeros()));
        }
        return result;
    }

    private static List<Map<String, Object>> query(Statement st, String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(Map.of("period", rs.getString(1), "key", rs.getString(2), "netRevenue", rs.getBigDecimal(3),
                        "returns", rs.getBigDecimal(4), "orders", rs.getLong(5), "customers", rs.getLong(6),
                        "units", rs.getBigDecimal(7).stripTrailingZeros()));
            }
        }
        return rows;
    }
}
