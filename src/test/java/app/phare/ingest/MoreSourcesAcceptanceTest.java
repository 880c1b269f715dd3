package app.phare.ingest;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 1 of the sources issue: the CRM pipeline (with its products and the GTXPro alias), the ad campaigns and
 * the Northwind products and stock ingest through the API with mappings, and won value per month, total spend,
 * clicks and conversions, and units on hand per category equal independent computations over the raw files.
 */
@QuarkusTest
class MoreSourcesAcceptanceTest {

    private static final JsonPathConfig DECIMALS = new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Test
    void dealsAdsProductsAndStockGiveTheFiguresOfTheRawFiles() throws Exception {
        Api.TestTenant t = Api.aTenant("America/New_York", "USD", "en-US");
        Path crm = SharedData.path("crm-sales-pipeline");
        Path northwind = SharedData.path("northwind");
        long crmProducts = Api.aSource(t, "products", Map.of("sku", "product", "name", "product", "category", "series",
                "unitCost", "sales_price"), null, Map.of("aliases", Map.of("GTXPro", "GTX Pro")));
        long deals = Api.aSource(t, "crm_deals", Map.of("dealId", "opportunity_id", "stage", "deal_stage", "owner", "sales_agent",
                "account", "account", "product", "product", "engagedOn", "engage_date", "closedOn", "close_date",
                "value", "close_value"), null, null);
        long ads = Api.aSource(t, "ad_campaigns", Map.of("day", "Date", "platform", "=Facebook", "campaign", "xyz_campaign_id",
                "adSet", "fb_campaign_id", "ad", "ad_id", "impressions", "Impressions", "clicks", "Clicks", "spend", "Spent",
                "conversions", "Total_Conversion"), Map.of("delimiter", ",", "encoding", "UTF-8", "dateFormat", "dd-MM-yyyy"), null);
        long products = Api.aSource(t, "products", Map.of("sku", "ProductID", "name", "ProductName", "category", "CategoryID",
                "unitCost", "UnitPrice"), null, null);
        long stock = Api.aSource(t, "inventory", Map.of("sku", "ProductID", "onHand", "UnitsInStock", "onOrder", "UnitsOnOrder",
                "reorderLevel", "ReorderLevel"), null, null);
        Api.upload(t, crmProducts, Files.readAllBytes(crm.resolve("products.csv")));
        Api.upload(t, deals, Files.readAllBytes(crm.resolve("sales_pipeline.csv")));
        Api.upload(t, ads, Files.readAllBytes(SharedData.path("ad-campaigns").resolve("KAG_conversion_data.csv")));
        Api.upload(t, products, Files.readAllBytes(northwind.resolve("products.csv")));
        Api.upload(t, stock, Files.readAllBytes(northwind.resolve("products.csv")));
        long run = Api.runNightly(t);
        assertThat(t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getList("files.status")).containsOnly("processed");

        try (Connection c = Database.connect(); Statement st = c.createStatement()) {
            // won value per close month
            copy(c, "crm_raw (opportunity_id text, sales_agent text, product text, account text, deal_stage text, engage_date text,"
                    + " close_date text, close_value text)", crm.resolve("sales_pipeline.csv"));
            Map<String, BigDecimal> expectedWon = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT to_char(close_date::date, 'YYYY-MM'), sum(close_value::numeric) FROM crm_raw"
                    + " WHERE deal_stage = 'Won' GROUP BY 1")) {
                while (rs.next()) {
                    expectedWon.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
                }
            }
            JsonPath pipeline = t.asManager().get("/api/metrics/pipeline?from=2016-01-01&to=2018-12-31").then().statusCode(200)
                    .extract().jsonPath().using(DECIMALS);
            Map<String, BigDecimal> actualWon = new TreeMap<>();
            for (Map<String, Object> r : pipeline.<Map<String, Object>>getList("rows")) {
                actualWon.put((String) r.get("period"), new BigDecimal(r.get("wonValue").toString()).setScale(2));
            }
            assertThat(expectedWon).hasSizeGreaterThanOrEqualTo(10);
            assertThat(actualWon).isEqualTo(expectedWon);

            // the GTXPro deals count as GTX Pro
            BigDecimal gtxPro;
            try (ResultSet rs = st.executeQuery("SELECT sum(close_value::numeric) FROM crm_raw WHERE deal_stage = 'Won'"
                    + " AND product IN ('GTX Pro', 'GTXPro')")) {
                rs.next();
                gtxPro = rs.getBigDecimal(1).setScale(2);
            }
            JsonPath byProduct = t.asManager().get("/api/metrics/pipeline?from=2016-01-01&to=2018-12-31&by=product").then()
                    .statusCode(200).extract().jsonPath().using(DECIMALS);
            BigDecimal actualGtxPro = BigDecimal.ZERO.setScale(2);
            for (Map<String, Object> r : byProduct.<Map<String, Object>>getList("rows")) {
                assertThat((String) r.get("key")).isNotEqualToIgnoringCase("GTXPro");
                if ("GTX Pro".equals(r.get("key"))) {
                    actualGtxPro = actualGtxPro.add(new BigDecimal(r.get("wonValue").toString()));
                }
            }
            assertThat(actualGtxPro).isEqualTo(gtxPro);

            // spend (rounded to cents once per line), clicks and conversions
            copy(c, "ads_raw (date text, ad_id text, xyz_campaign_id text, fb_campaign_id text, age text, gender text, interest text,"
                    + " impressions text, clicks text, spent text, total_conversion text, approved_conversion text)",
                    SharedData.path("ad-campaigns").resolve("KAG_conversion_data.csv"));
            BigDecimal spend;
            long clicks, conversions, impressions;
            try (ResultSet rs = st.executeQuery("SELECT sum(round(spent::numeric, 2)), sum(clicks::bigint), sum(total_conversion::bigint),"
                    + " sum(impressions::bigint) FROM ads_raw")) {
                rs.next();
                spend = rs.getBigDecimal(1).setScale(2);
                clicks = rs.getLong(2);
                conversions = rs.getLong(3);
                impressions = rs.getLong(4);
            }
            JsonPath marketing = t.asManager().get("/api/metrics/marketing?from=2023-01-01&to=2023-12-31&grain=month").then()
                    .statusCode(200).extract().jsonPath().using(DECIMALS);
            List<Map<String, Object>> months = marketing.getList("rows");
            assertThat(months).hasSize(1);
            assertThat(new BigDecimal(months.get(0).get("spend").toString()).setScale(2)).isEqualTo(spend);
            assertThat(((Number) months.get(0).get("clicks")).longValue()).isEqualTo(clicks);
            assertThat(((Number) months.get(0).get("conversions")).longValue()).isEqualTo(conversions);
            assertThat(((Number) months.get(0).get("impressions")).longValue()).isEqualTo(impressions);

            // units on hand per category
            copy(c, "nw_products (id text, name text, supplier text, category text, qpu text, price text, in_stock text,"
                    + " on_order text, reorder text, discontinued text)", northwind.resolve("products.csv"));
            Map<String, Long> expectedOnHand = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT category, sum(in_stock::bigint) FROM nw_products GROUP BY 1")) {
                while (rs.next()) {
                    expectedOnHand.put(rs.getString(1), rs.getLong(2));
                }
            }
            Map<String, Long> actualOnHand = new TreeMap<>();
            for (Map<String, Object> r : t.asManager().get("/api/metrics/stock").then().statusCode(200).extract().jsonPath()
                    .<Map<String, Object>>getList("categories")) {
                actualOnHand.put((String) r.get("category"), ((Number) r.get("onHand")).longValue());
            }
            assertThat(expectedOnHand).hasSize(8);
            assertThat(actualOnHand).isEqualTo(expectedOnHand);
        }
    }

    private static void copy(Connection c, String table, Path file) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE " + table);
        }
        try (InputStream in = Files.newInputStream(file)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.substring(0, table.indexOf(' '))
                    + " FROM STDIN (FORMAT csv, HEADER true)", in);
        }
    }
}
