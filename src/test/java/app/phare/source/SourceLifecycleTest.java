package app.phare.source;

import app.phare.tenant.TenantIsolationTestAccess;
import app.phare.testing.Api;
import app.phare.testing.TestOrders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin pauses, edits and archives a source and discards a pending file, from the API and from the Sources page;
 * managers cannot. Archiving takes the source's figures off the dashboard at once and keeps its files.
 */
@QuarkusTest
class SourceLifecycleTest {

    private static final String MARCH = "/api/metrics/sales?from=2025-03-01&to=2025-03-31&grain=month";

    @Test
    void aPausedSourcesFilesWaitUntilItIsResumed() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        long file = Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 2));
        assertThat(t.asManager().post("/api/sources/" + source + "/pause").statusCode()).isEqualTo(403);
        assertThat(t.asAdmin().post("/api/sources/" + source + "/pause").then().statusCode(200).extract().path("status").toString())
                .isEqualTo("paused");
        Api.runNightly(t);
        assertThat(fileStatus(t, source, file)).isEqualTo("pending");
        assertThat(t.asManager().get(MARCH).then().extract().jsonPath().getList("rows")).isEmpty();

        t.asAdmin().post("/api/sources/" + source + "/resume").then().statusCode(200);
        Api.runNightly(t);
        assertThat(fileStatus(t, source, file)).isEqualTo("processed");
        assertThat(t.asManager().get(MARCH).then().extract().jsonPath().getList("rows")).hasSize(1);
    }

    @Test
    void aDiscardedFileIsNeverLoaded() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        long wrong = Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 2));
        assertThat(t.asManager().delete("/api/sources/" + source + "/files/" + wrong).statusCode()).isEqualTo(403);
        assertThat(t.asAdmin().delete("/api/sources/" + source + "/files/" + wrong).then().statusCode(200).extract()
                .path("status").toString()).isEqualTo("discarded");
        long right = Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 10), 1));
        long run = Api.runNightly(t);
        assertThat(fileStatus(t, source, wrong)).isEqualTo("discarded");
        assertThat(fileStatus(t, source, right)).isEqualTo("processed");
        assertThat(t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getList("files.fileId")).containsExactly((int) right);
        // a file already loaded cannot be discarded: archive the source to take its figures out
        assertThat(t.asAdmin().delete("/api/sources/" + source + "/files/" + right).then().statusCode(409).extract()
                .path("detail").toString()).contains("only a file still waiting for a run can be discarded");
        assertThat(t.asAdmin().get("/api/audit").then().extract().asString()).contains("file discarded");
    }

    @Test
    void archivingTakesTheFiguresOffTheDashboardAtOnceAndKeepsTheFiles() {
        Api.TestTenant t = Api.aTenant();
        long kept = Api.anOrdersSource(t, Api.plainMapping(), null);
        long archived = Api.anOrdersSource(t, Api.plainMapping(), null);
        String name = t.asAdmin().get("/api/sources/" + archived).then().extract().path("name");
        Api.upload(t, kept, (Api.PLAIN_HEADER + "K1,2025-03-04 10:00,SKU1,Mug,1,5.00,C1,France,web\n").getBytes(StandardCharsets.UTF_8));
        long file = Api.upload(t, archived, (Api.PLAIN_HEADER + "X1,2025-03-04 11:00,SKU2,Cup,2,7.00,C2,Spain,shop\n")
                .getBytes(StandardCharsets.UTF_8));
        Api.runNightly(t);
        assertThat(t.asManager().get(MARCH).then().extract().jsonPath().getDouble("rows[0].netRevenue")).isEqualTo(19.0);

        assertThat(t.asManager().delete("/api/sources/" + archived).statusCode()).isEqualTo(403);
        JsonPath view = t.asAdmin().delete("/api/sources/" + archived).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("status")).isEqualTo("archived");
        assertThat(view.getString("archivedAt")).isNotBlank();
        // at once, without a run: the answer cached before is not served either
        assertThat(t.asManager().get(MARCH).then().extract().jsonPath().getDouble("rows[0].netRevenue")).isEqualTo(5.0);
        assertThat(t.asManager().get("/api/metrics/sales?from=2025-03-01&to=2025-03-31&by=country").then().extract()
                .jsonPath().getList("rows.key")).containsExactly("France");
        assertThat(fileStatus(t, archived, file)).isEqualTo("processed");
        assertThat(t.asAdmin().get("/api/sources").then().extract().jsonPath().getList("id")).containsExactly((int) kept);
        assertThat(t.asAdmin().get("/api/sources?archived=true").then().extract().jsonPath().getList("id")).containsExactly((int) archived);
        // an archived source takes no files, cannot change, and its name is free again
        assertThat(t.asAdmin().contentType("text/csv").body("a,b\n").post("/api/sources/" + archived + "/files").statusCode()).isEqualTo(409);
        assertThat(t.asAdmin().post("/api/sources/" + archived + "/pause").statusCode()).isEqualTo(409);
        t.asAdmin().body(Map.of("name", name, "kind", "orders", "mapping", Api.plainMapping())).post("/api/sources").then().statusCode(201);
        // archiving again changes nothing; the next run does not bring the figures back
        t.asAdmin().delete("/api/sources/" + archived).then().statusCode(200);
        Api.runNightly(t);
        assertThat(t.asManager().get(MARCH).then().extract().jsonPath().getDouble("rows[0].netRevenue")).isEqualTo(5.0);
        assertThat(t.asAdmin().get("/api/audit").then().extract().asString()).contains("source archived").contains("1 records taken out");
    }

    @Test
    void anAdminChangesASourcesFormatAndTheNextFilesAreReadTheNewWay() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Shop (day first)", "kind", "orders", "mapping", Api.plainMapping(),
                "format", Map.of("dateFormat", "dd/MM/yyyy HH:mm", "delimiter", ";")));
        assertThat(t.asManager().body(body).put("/api/sources/" + source).statusCode()).isEqualTo(403);
        JsonPath changed = t.asAdmin().body(body).put("/api/sources/" + source).then().statusCode(200).extract().jsonPath();
        assertThat(changed.getString("name")).isEqualTo("Shop (day first)");
        assertThat(changed.getString("format.dateFormat")).isEqualTo("dd/MM/yyyy HH:mm");
        Api.upload(t, source, ("order;at;sku;description;qty;price;customer;country;channel\n"
                + "E1;04/03/2025 10:00;SKU1;Mug;3;2.00;C1;France;web\n").getBytes(StandardCharsets.UTF_8));
        Api.runNightly(t);
        assertThat(t.asManager().get(MARCH).then().extract().jsonPath().getDouble("rows[0].netRevenue")).isEqualTo(6.0);

        Map<String, Object> otherKind = new HashMap<>(body);
        otherKind.put("kind", "crm_deals");
        otherKind.put("mapping", Map.of("dealId", "id", "stage", "stage"));
        assertThat(t.asAdmin().body(otherKind).put("/api/sources/" + source).then().statusCode(400).extract().path("field").toString())
                .isEqualTo("kind");
        Map<String, Object> badFormat = new HashMap<>(body);
        badFormat.put("format", Map.of("delimiter", ";;;;"));
        assertThat(t.asAdmin().body(badFormat).put("/api/sources/" + source).statusCode()).isEqualTo(400);
        assertThat(t.asAdmin().get("/api/audit").then().extract().asString()).contains("source changed");
    }

    @Test
    void theSourcesPageLetsAnAdminPauseEditDiscardAndArchive() {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        long file = Api.upload(t, source, TestOrders.csv(LocalDate.of(2025, 3, 1), 1));
        Map<String, String> admin = TenantIsolationTestAccess.login(t);
        String page = RestAssured.given().cookies(admin).get("/sources").then().statusCode(200).extract().asString();
        assertThat(page).contains("/sources/" + source + "/edit").contains("/sources/" + source + "/pause")
                .contains("/sources/" + source + "/archive").contains("/sources/" + source + "/files/" + file + "/discard");
        Map<String, String> manager = TenantIsolationTestAccess.login(t.manager(), t.password());
        assertThat(RestAssured.given().cookies(manager).get("/sources").then().statusCode(200).extract().asString())
                .doesNotContain("/sources/" + source + "/archive");
        assertThat(RestAssured.given().cookies(manager).header("X-CSRF-Token", manager.get("phare-csrf"))
                .post("/sources/" + source + "/archive").statusCode()).isEqualTo(403);

        assertThat(post(admin, "/sources/" + source + "/pause")).contains("is paused").contains("badge paused");
        assertThat(post(admin, "/sources/" + source + "/resume")).contains("is active again");
        assertThat(post(admin, "/sources/" + source + "/files/" + file + "/discard")).contains("is discarded").contains("badge discarded");

        String edit = RestAssured.given().cookies(admin).get("/sources/" + source + "/edit").then().statusCode(200).extract().asString();
        assertThat(edit).contains("name=\"map.orderId\"").contains("value=\"order\"").contains("Product code (SKU)").doesNotContain(">orderId");
        Map<String, Object> form = new HashMap<>(Map.of("name", "Renamed shop", "delimiter", ",", "encoding", "UTF-8", "header", "on",
                "dateFormat", "ISO", "decimalSeparator", "."));
        Api.plainMapping().forEach((k, v) -> form.put("map." + k, v));
        assertThat(RestAssured.given().cookies(admin).header("X-CSRF-Token", admin.get("phare-csrf")).contentType("application/x-www-form-urlencoded")
                .formParams(form).post("/sources/" + source + "/edit").then().statusCode(200).extract().header("HX-Redirect"))
                .startsWith("/sources?changed=Renamed");
        form.put("delimiter", ";;;;");
        assertThat(RestAssured.given().cookies(admin).header("X-CSRF-Token", admin.get("phare-csrf")).contentType("application/x-www-form-urlencoded")
                .formParams(form).post("/sources/" + source + "/edit").then().statusCode(200).extract().asString()).contains("alert");

        assertThat(post(admin, "/sources/" + source + "/archive")).contains("is archived").doesNotContain("Renamed shop</h2>");
        assertThat(t.asAdmin().get("/api/sources/" + source).then().extract().path("status").toString()).isEqualTo("archived");
    }

    private static String post(Map<String, String> session, String path) {
        return RestAssured.given().cookies(session).header("X-CSRF-Token", session.get("phare-csrf")).post(path)
                .then().statusCode(200).extract().asString();
    }

    private static String fileStatus(Api.TestTenant t, long source, long file) {
        return t.asAdmin().get("/api/sources/" + source + "/files/" + file).then().statusCode(200).extract().path("status");
    }
}
