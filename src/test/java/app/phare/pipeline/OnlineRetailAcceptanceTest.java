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

        List<Map<String, Object>> expected = independentMonthlyFigures();
        assertThat(expected).hasSize(13);
        List<Map<String, Object>> actual = monthly(tenant);
        assertThat(actual).containsExactlyElementsOf(expected);

        // the same bytes again: the existing file, never counted twice; a rerun changes nothing
        long again = tenant.asAdmin().contentType("text/csv").body(file).post("/api/sources/" + source + "/files")
                .then().statusCode(200).extract().jsonPath().getLong("fileId");
        assertThat(again).isEqualTo(fileId);
        Api.runNightly(tenant);
        assertThat(monthly(tenant)).containsExactlyElementsOf(expected);
    }

    private static List<Map<String, Object>> monthly(Api.TestTenant tenant) {
        JsonPath json = tenant.asManager().get("/api/metrics/sales?from=2010-12-01&to=2011-12-31&grain=month")
                .then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(json.getString("currency")).isEqualTo("GBP");
        assertThat(json.getString("asOf")).isNotNull();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : json.<Map<String, Object>>getList("rows")) {
            rows.add(Map.of("period", r.get("period"),
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
    private static List<Map<String, Object>> independentMonthlyFigures() throws Exception {
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
                    SELECT to_char(date_trunc('month', ts), 'YYYY-MM') AS period,
                           round(sum(q * p), 2) AS net,
                           round(coalesce(sum(-q * p) FILTER (WHERE q < 0), 0), 2) AS returns,
                           count(DISTINCT inv) FILTER (WHERE q > 0) AS orders,
                           count(DISTINCT c) FILTER (WHERE q > 0) AS customers,
                           coalesce(sum(q) FILTER (WHERE q > 0), 0) AS units
                    FROM kept GROUP BY 1 ORDER BY 1""";
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(Map.of("period", rs.getString(1), "netRevenue", rs.getBigDecimal(2),
                            "returns", rs.getBigDecimal(3), "orders", rs.getLong(4), "customers", rs.getLong(5),
                            "units", rs.getBigDecimal(6).stripTrailingZeros()));
                }
            }
            return rows;
        }
    }
}
