package app.phare.pipeline;

import app.phare.testing.Api;
import app.phare.testing.Database;
import app.phare.testing.OnlineRetailReference;
import app.phare.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
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
        return OnlineRetailReference.apiRows(json.getList("rows"), withKey);
    }

    private static List<List<Map<String, Object>>> independentFigures() throws Exception {
        try (Connection c = Database.connect()) {
            return List.of(OnlineRetailReference.monthly(c), OnlineRetailReference.byProductAndDay(c, "2011-11"));
        }
    }
}
