package app.phare.pipeline;

import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 1 of the foundation: the real online-retail export, through upload and the nightly run, gives the
 * same monthly figures as an independent computation in plain SQL over the raw file; uploading it again and
 * re-running changes nothing.
 */
@QuarkusTest
class OnlineRetailAcceptanceTest {

    @Test
    void monthlyFiguresMatchAnIndependentComputationAndRerunChangesNothing() throws Exception {
        Api.TestTenant tenant = Api.aTenant("Europe/London", "GBP", "en-GB");
        long source = Api.anOrdersSource(tenant, Api.onlineRetailMapping(), null);
        byte[] file = Files.readAllBytes(SharedData.onlineRetail());
        long fileId = Api.upload(tenant, source, file);
        Api.runNightly(tenant);

        List<List<Map<String, Object>>> independent = independentFigures();
        List<Map<String, Object>> expected = independent.get(0);
        assertThat(expected).hasSize(13);
        List<Map<String, Object>> actual = monthly(tenant);
        assertThat(actual).containsExactlyElementsOf(expected);
        // and by product and day, for the busiest month
        List<Map<String, Object>> expectedByProduct = independent.get(1);
        assertThat(expectedByProduct).hasSizeGreaterThan(20_000);
        assertThat(rows(tenant, "from=2011-11-01&to=2011-11-30&grain=day&by=product", true))
                .containsExactlyInAnyOrderElementsOf(expectedByProduct);

        // the same bytes again: the existing file, never counted twice; a rerun changes nothing
        long again = tenant.asAdmin().contentType("text/csv").body(file).post("/api/sources/" + source + "/files")
                .then().statusCode(200).extract().jsonPath().getLong("fileId");
        assertThat(again).isEqualTo(fileId);
        Api.runNightly(tenant);
        assertThat(monthly(tenant)).containsExactlyElementsOf(expected);
    }

    private static List<Map<String, Object>> monthly(Api.TestTenant tenant) {
        return rows(tenant, "from=2010-12-01&to=2011-12-31&grain=month", false);
    }

    private static List<Map<String, Object>> rows(Api.TestTenant tenant, String query, boolean withKey) {
        JsonPath json = tenant.asManager().get("/api/metrics/sales?" + query)
                .then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(json.getString("currency")).isEqualTo("GBP");
        assertThat(json.getString("asOf")).isNotNull();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : json.<Map<String, Object>>getList("rows")) {
            rows.add(Map.of("period", r.get("period"), "key", withKey ? r.get("key") : "",
                    "netRevenue", new BigDecimal(r.get("netRevenue").toString()).setScale(2),
                    "returns", new BigDecimal(r.get("returns").toString()).setScale(2),
                    "orders", new BigDecimal(r.get("orders").toString()).longValueExact(),
                    "customers", new BigDecimal(r.get("customers").toString()).longValueExact(),
                    "units", new BigDecimal(r.get("units").toString()).stripTrailingZeros()));
        }
        return rows;
    }

    /**
     * The cleaning rules written directly in SQL over a raw COPY of the file: required fields, quantity 0 and
     * price <= 0 rejected, returns kept negative, customer ids "17850.0" read as "17850", exact duplicates once,
     * months in Europe/London (the file's timestamps are UK local time).
     */
    private static List<List<Map<String, Object>>> independentFigures() throws Exception {
        try (Connection c = Database.connect(); Statement st = c.createStatement()) {
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
            return List.of(
                    query(st, sql.formatted("to_char(date_trunc('month', ts), 'YYYY-MM')", "''", "")),
                    query(st, sql.formatted("to_char(ts, 'YYYY-MM-DD')", "sku",
                            "WHERE ts >= '2011-11-01' AND ts < '2011-12-01'")));
        }
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
