package app.phare.pipeline;

import app.phare.common.Secrets;
import app.phare.testing.Api;
import app.phare.testing.Database;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input blocks a tenant's nights: next to a good file, each poisoned input of the hardening probe fails alone with
 * its reason (or loses only its bad line), and the good file's figures are published by the same run.
 */
@QuarkusTest
class PoisonedInputsTest {

    @Inject
    Secrets secrets;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void eachPoisonedInputFailsAloneAndTheGoodFileIsPublished() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gone", exchange -> {
            byte[] body = "{\"error\": \"no such shop\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        Api.TestTenant t = Api.aTenant();
        long csv = Api.anOrdersSource(t, Api.plainMapping(), null);
        long good = Api.upload(t, csv, (Api.PLAIN_HEADER
                + "A1,2024-03-04 10:00,SKU1,Mug,2,5.00,C1,France,web\n"
                + "A2,2024-03-05 11:00,SKU2,Cup,1,3.50,C2,France,web\n").getBytes(StandardCharsets.UTF_8));
        // a placeholder date and a 2 MiB line among good lines: those two lines are rejected, the others load
        long poisonedLines = Api.upload(t, csv, (Api.PLAIN_HEADER
                + "B1,9999-12-31 00:00,SKU1,Mug,1,5.00,C3,France,web\n"
                + "B2,2024-03-06 09:00,SKU1,Mug,1,5.00,C3,France," + "x".repeat(2 << 20) + "\n"
                + "B3,2024-03-06 09:30,SKU1,Mug,1,5.00,C3,France,web\n").getBytes(StandardCharsets.UTF_8));

        long workbooks = Api.anOrdersSource(t, Api.plainMapping(), null);
        String[] header = {"order", "at", "sku", "description", "qty", "price", "customer", "country", "channel"};
        // a blank header cell in a column nobody maps: the workbook loads
        long blankUnmapped = Api.upload(t, workbooks, workbook(append(header, null),
                new Object[]{"W1", "2024-03-07 10:00", "SKU3", "Plate", 1, 10.0, "C4", "Spain", "shop", "note"}));
        // a blank header cell where a mapped column should be: fails, naming the blank column
        String[] blankPrice = header.clone();
        blankPrice[5] = null;
        long blankMapped = Api.upload(t, workbooks, workbook(blankPrice,
                new Object[]{"W2", "2024-03-07 11:00", "SKU3", "Plate", 1, 10.0, "C4", "Spain", "shop"}));
        // a mapped column twice: fails, naming it
        long duplicate = Api.upload(t, workbooks, workbook(append(header, "qty"),
                new Object[]{"W3", "2024-03-07 12:00", "SKU3", "Plate", 1, 10.0, "C4", "Spain", "shop", 2}));

        // a pull answering 404, and one whose stored header the HTTP client refuses (stored before headers were checked)
        Map<String, Object> dealMapping = Map.of("dealId", "id", "stage", "stage");
        long gone = t.asAdmin().body(Map.of("name", "Gone CRM", "kind", "crm_deals", "mapping", dealMapping,
                "pull", Map.of("url", base + "/gone"))).post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        long refusedHeader = t.asAdmin().body(Map.of("name", "Odd CRM", "kind", "crm_deals", "mapping", dealMapping,
                "pull", Map.of("url", base + "/gone"))).post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        try (Connection c = Database.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE source SET pull_secrets = ?, pull = jsonb_set(pull, '{headers}', '{\"Connection\": \"••••••\"}') WHERE id = ?")) {
            ps.setString(1, secrets.encrypt("{\"Connection\": \"close\"}"));
            ps.setLong(2, refusedHeader);
            ps.executeUpdate();
        }

        long tempBefore = workbookTempFiles();
        long run = Api.runNightly(t, "succeeded");

        JsonPath runView = t.asAdmin().get("/api/runs/" + run).then().statusCode(200).extract().jsonPath();
        assertThat(runView.getList("attempts")).hasSize(1);
        assertThat(status(t, csv, good)).isEqualTo("processed");
        assertThat(status(t, csv, poisonedLines)).isEqualTo("processed");
        assertThat(status(t, workbooks, blankUnmapped)).isEqualTo("processed");
        assertThat(status(t, workbooks, blankMapped)).isEqualTo("failed");
        assertThat(error(t, workbooks, blankMapped)).contains("no column 'price'").contains("column F is blank");
        assertThat(status(t, workbooks, duplicate)).isEqualTo("failed");
        assertThat(error(t, workbooks, duplicate)).contains("'qty' (mapped to quantity) is in columns [E, J]");

        List<Map<String, Object>> goneFiles = t.asAdmin().get("/api/sources/" + gone + "/files").then().extract().jsonPath().getList("$");
        assertThat(goneFiles).singleElement().satisfies(f -> {
            assertThat(f.get("status")).isEqualTo("failed");
            assertThat((String) f.get("error")).contains("pulling source 'Gone CRM' failed").contains("answered 404").contains("no such shop");
        });
        List<Map<String, Object>> oddFiles = t.asAdmin().get("/api/sources/" + refusedHeader + "/files").then().extract().jsonPath().getList("$");
        assertThat(oddFiles).singleElement().satisfies(f -> {
            assertThat(f.get("status")).isEqualTo("failed");
            assertThat((String) f.get("error")).contains("pulling source 'Odd CRM' failed").containsIgnoringCase("connection");
        });
        assertThat(runView.getList("files.status")).contains("failed", "processed");

        // the good lines are in the figures: A1, A2, B3 and W1
        JsonPath march = t.asManager().get("/api/metrics/sales?from=2024-03-01&to=2024-03-31&grain=month").then()
                .statusCode(200).extract().jsonPath();
        assertThat(march.getDouble("rows[0].netRevenue")).isEqualTo(10.0 + 3.5 + 5.0 + 10.0);
        assertThat(march.getInt("rows[0].orders")).isEqualTo(4);

        String rejects = t.asAdmin().get("/api/runs/" + run + "/rejects").then().statusCode(200).extract().asString();
        assertThat(rejects).contains("'9999-12-31 00:00' is outside the years 1900–2100")
                .contains("characters long, more than the limit of 1048576")
                .hasSizeLessThan(10_000);
        assertThat(workbookTempFiles()).isLessThanOrEqualTo(tempBefore);
        assertThat(runView.prettify()).doesNotContain("/tmp/").doesNotContain("target/test-data");
    }

    private static String status(Api.TestTenant t, long source, long file) {
        return t.asAdmin().get("/api/sources/" + source + "/files/" + file).then().statusCode(200).extract().path("status");
    }

    private static String error(Api.TestTenant t, long source, long file) {
        return t.asAdmin().get("/api/sources/" + source + "/files/" + file).then().statusCode(200).extract().path("error");
    }

    private static String[] append(String[] a, String more) {
        String[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = more;
        return b;
    }

    private static long workbookTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("phare-workbook-")).count();
        }
    }

    /** One sheet: the header (null: a blank cell) and rows of text and numbers. */
    static byte[] workbook(String[] header, Object[]... rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Orders");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                if (header[c] != null) {
                    h.createCell(c).setCellValue(header[c]);
                }
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }
}
