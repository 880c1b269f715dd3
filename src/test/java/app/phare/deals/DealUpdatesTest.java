package app.phare.deals;

import app.phare.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A newer export of the same deals replaces their values (latest file wins) and the aggregates follow. */
@QuarkusTest
class DealUpdatesTest {

    @Test
    void aNewerFileReplacesTheDealsItRepeatsAndTheFiguresFollow() {
        Api.TestTenant t = Api.aTenant("Europe/Paris", "EUR", "fr-FR");
        long deals = Api.aSource(t, "crm_deals", Map.of("dealId", "id", "stage", "stage", "owner", "owner", "engagedOn", "engaged",
                "closedOn", "closed", "value", "value"), Map.of("delimiter", ";", "decimalSeparator", ",", "groupingSeparator", " ", "dateFormat", "dd/MM/yyyy"),
                Map.of("stages", Map.of("Signé", "won", "Abandonné", "lost")));
        Api.upload(t, deals, ("id;stage;owner;engaged;closed;value\n"
                + "D1;Signé;Léa;01/02/2025;15/03/2025;1 000,50\n"
                + "D2;Négociation;Léa;01/02/2025;;500\n"
                + "D3;Abandonné;Marc;01/02/2025;20/03/2025;900\n"
                + "D4;Signé;Marc;10/03/2025;05/03/2025;200\n").getBytes());
        long first = Api.runNightly(t);
        JsonPath march = pipeline(t);
        assertThat(march.getDouble("rows[0].wonValue")).isEqualTo(1200.50);
        assertThat(march.getInt("rows[0].won")).isEqualTo(2);
        assertThat(march.getInt("rows[0].lost")).isEqualTo(1);
        assertThat(march.getList("open.stage")).containsExactly("Négociation");
        assertThat(t.asAdmin().get("/api/runs/" + first + "/quality").then().extract().jsonPath().getMap("sources[0].checks"))
                .containsEntry("close date before engage date", 1);

        // the CRM's next export: D2 was won, D1's value corrected; D3 and D4 are not in it and stay
        Api.upload(t, deals, ("id;stage;owner;engaged;closed;value\n"
                + "D1;Signé;Léa;01/02/2025;15/03/2025;1 100\n"
                + "D2;Signé;Léa;01/02/2025;25/03/2025;500\n").getBytes());
        Api.runNightly(t);
        march = pipeline(t);
        assertThat(march.getDouble("rows[0].wonValue")).isEqualTo(1800.0);
        assertThat(march.getInt("rows[0].won")).isEqualTo(3);
        assertThat(march.getList("open")).isEmpty();
    }

    private static JsonPath pipeline(Api.TestTenant t) {
        return t.asManager().get("/api/metrics/pipeline?from=2025-03-01&to=2025-03-31").then().statusCode(200).extract().jsonPath();
    }
}
