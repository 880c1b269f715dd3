package app.phare.quality;

import app.phare.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every run reports data quality per source: lines read, loaded, rejected by reason, duplicates, empty values per
 * mapped column, values outside expectations, and columns that appeared or disappeared (with the source's policy).
 */
@QuarkusTest
class DataQualityTest {

    @Test
    void aDirtyOrdersFileIsReportedReasonByReasonAndItsGoodLinesCountOnce() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        String file = Api.PLAIN_HEADER
                + "A1,2025-02-03 10:00:00,MUG-1,Blue mug,2,4.50,C1,France,web\n"
                + "A1,2025-02-03 10:00:00,MUG-1,Blue mug,2,4.50,C1,France,web\n"        // exact duplicate
                + "A2,2025-02-03 11:00:00,TEA-2,Tea towel,1,7.25,,France,web\n"          // no customer
                + "A3,2025-02-03 12:00:00,PEN-3,Pen,x,12.00,C3,France,web\n"             // not a number
                + "A4,2025-02-03 12:30:00,PEN-3,Pen,0,12.00,C3,France,web\n"             // quantity 0
                + "A5,2025-02-03 13:00:00,PEN-3\n"                                       // too few fields
                + "A6,2025-02-31 13:00:00,PEN-3,Pen,1,12.00,C3,France,web\n"             // no such day
                + "R1,2025-02-03 18:00:00,MUG-1,Blue mug,-1,4.50,C1,France,web\n"        // a return
                + "A7,2025-02-03 14:00:00,PEN-3,\"Pen, broken,1,12.00,C3,France,web\n"   // a quote never closed
                + "A8,2025-02-03 15:00:00,LAMP-5,Lamp,1,34.90,C8,France,web\n";         // good again
        Api.upload(t, source, file.getBytes());
        long run = Api.runNightly(t);

        JsonPath q = t.asManager().get("/api/runs/" + run + "/quality").then().statusCode(200).extract().jsonPath();
        Map<String, Object> report = q.getMap("sources[0]");
        assertThat(report).containsEntry("sourceId", (int) source).containsEntry("kind", "orders").containsEntry("linesRead", 10)
                .containsEntry("loaded", 4).containsEntry("rejected", 5).containsEntry("duplicates", 1);
        assertThat(q.getMap("sources[0].rejectedByReason")).containsOnlyKeys("quantity … is not a number", "quantity is 0",
                "the line has 3 columns, the mapping needs 9 (the header has 9)",
                "timestamp … does not match the source's date format or is not a real date",
                "unbalanced quote: a quoted field opened on this line is never closed");
        assertThat(q.getMap("sources[0].checks")).containsEntry("return lines (negative quantity)", 1)
                .containsEntry("lines without a customer id", 1);
        Map<String, Object> nullRates = q.getMap("sources[0].nullRates");
        assertThat(nullRates).containsKeys("orderId", "customerId", "channel");
        assertThat(((Number) nullRates.get("customerId")).doubleValue()).as("A2, and A5 that stops short").isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(((Number) nullRates.get("orderId")).doubleValue()).isZero();
        // the good lines count once: A1 (once), A2, A8 after the broken line; R1 is a return
        assertThat(t.asManager().get("/api/metrics/sales?from=2025-02-01&to=2025-02-28&grain=month").then().extract()
                .jsonPath().getList("rows.orders")).containsExactly(3);
        assertThat(t.asAdmin().get("/api/runs/" + run + "/rejects").then().extract().asString())
                .contains("unbalanced quote").contains("A7,2025-02-03 14:00:00");
        assertThat(t.asManager().get("/api/runs/999999999/quality").statusCode()).isEqualTo(404);
    }

    @Test
    void theRejectsDownloadsNeutraliseFormulasLikeTheReports() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Api.upload(t, source, (Api.PLAIN_HEADER
                + "=1+2,2025-02-31 10:00:00,MUG-1,Blue mug,2,4.50,C1,France,web\n"
                + "@SUM(A1),2025-02-03 10:00:00,MUG-1,Blue mug,x,4.50,C1,France,web\n"
                + "-2+3,2025-02-03 10:00:00,MUG-1,Blue mug,0,4.50,C1,France,web\n"
                + "A1,2025-02-03 10:00:00,MUG-1,Blue mug,2,4.50,C1,France,web\n").getBytes());
        long run = Api.runNightly(t);
        Map<String, String> session = app.phare.tenant.TenantIsolationTestAccess.login(t);
        for (String download : List.of(t.asAdmin().get("/api/runs/" + run + "/rejects").then().statusCode(200).extract().asString(),
                RestAssured.given().cookies(session).get("/admin/runs/" + run + "/rejects.csv").then().statusCode(200).extract().asString(),
                RestAssured.given().cookies(session).get("/sources/runs/" + run + "/rejects.csv").then().statusCode(200).extract().asString())) {
            assertThat(download.lines().skip(1).toList()).hasSize(3)
                    .anyMatch(l -> l.contains(",\"'=1+2,2025-02-31")).anyMatch(l -> l.contains(",\"'@SUM(A1),"))
                    .anyMatch(l -> l.contains(",\"'-2+3,")).noneMatch(l -> l.contains(",\"=") || l.contains(",\"@") || l.contains(",\"-"));
        }
    }

    @Test
    void columnsThatAppearOrDisappearAreReportedAndAFailPolicyRefusesTheFile() {
        Api.TestTenant t = Api.aTenant();
        Map<String, Object> mapping = Map.of("day", "day", "campaign", "campaign", "spend", "spend", "clicks", "clicks",
                "impressions", "impressions");
        long warn = Api.aSource(t, "ad_campaigns", mapping, null, null);
        long strict = Api.aSource(t, "ad_campaigns", mapping, null, Map.of("driftPolicy", "fail"));
        Api.upload(t, warn, "day,campaign,spend,clicks,impressions\n2025-03-01,Spring,10.00,5,100\n".getBytes());
        Api.upload(t, strict, "day,campaign,spend,clicks,impressions\n2025-03-01,Autumn,20.00,5,100\n".getBytes());
        Api.runNightly(t);
        Api.upload(t, warn, "day,campaign,spend,clicks,impressions,reach\n2025-03-02,Spring,-3.00,500,100,9\n".getBytes());
        Api.upload(t, strict, "day,campaign,spend,clicks,impressions,reach\n2025-03-02,Autumn,20.00,5,100,9\n".getBytes());
        long run = Api.runNightly(t);

        List<Map<String, Object>> sources = t.asAdmin().get("/api/runs/" + run + "/quality").then().statusCode(200).extract()
                .jsonPath().getList("sources");
        Map<String, Object> warned = sources.stream().filter(s -> ((Number) s.get("sourceId")).longValue() == warn).findFirst().orElseThrow();
        assertThat(warned).containsEntry("columnsAppeared", List.of("reach")).containsEntry("columnsDisappeared", List.of())
                .containsEntry("driftPolicy", "warn").containsEntry("loaded", 1);
        assertThat((Map<String, Object>) warned.get("checks")).containsEntry("negative spend", 1)
                .containsEntry("more clicks than impressions", 1);
        Map<String, Object> refused = sources.stream().filter(s -> ((Number) s.get("sourceId")).longValue() == strict).findFirst().orElseThrow();
        assertThat(refused).containsEntry("loaded", 0);
        assertThat((List<String>) refused.get("errors")).singleElement().asString()
                .contains("appeared: [reach]").contains("drift policy is fail");
        assertThat(t.asAdmin().get("/api/sources/" + strict + "/files").then().extract().jsonPath().getList("status"))
                .containsExactlyInAnyOrder("processed", "failed");
        // the data-quality page shows both
        var session = app.phare.tenant.TenantIsolationTestAccess.login(t.manager(), t.password());
        String page = RestAssured.given().cookies(session).get("/quality").then().statusCode(200).extract().asString();
        assertThat(page).contains("columns changed").contains("file failed").contains("negative spend").contains("reach");
        assertThat(t.asAdmin().body(Map.of("name", "x", "kind", "ad_campaigns", "mapping", mapping, "options", Map.of("driftPolicy", "explode")))
                .post("/api/sources").then().statusCode(400).extract().path("field").toString()).isEqualTo("options.driftPolicy");
    }
}
