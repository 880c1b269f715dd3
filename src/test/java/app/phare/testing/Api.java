package app.phare.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers that drive Phare through its JSON API, as a client would. */
public final class Api {

    public static final String OPERATOR = "admin@demo.local";
    public static final String OPERATOR_PASSWORD = "operator-test-pw";

    private Api() {
    }

    public static RequestSpecification as(String email, String password) {
        return RestAssured.given().auth().preemptive().basic(email, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification asOperator() {
        return as(OPERATOR, OPERATOR_PASSWORD);
    }

    /** A new tenant with an admin and a manager; names are unique per call. */
    public record TestTenant(long id, String name, String admin, String manager, String password) {

        public RequestSpecification asAdmin() {
            return as(admin, password);
        }

        public RequestSpecification asManager() {
            return as(manager, password);
        }
    }

    public static TestTenant aTenant(String timezone, String currency, String locale) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Tenant " + suffix;
        long id = asOperator().body(Map.of("name", name, "timezone", timezone, "currency", currency, "locale", locale))
                .post("/api/tenants").then().statusCode(201).extract().jsonPath().getLong("id");
        String password = "pw-" + suffix + "-secret";
        String admin = "admin-" + suffix + "@example.com";
        String manager = "manager-" + suffix + "@example.com";
        asOperator().body(Map.of("email", admin, "password", password, "role", "admin"))
                .post("/api/tenants/" + id + "/users").then().statusCode(201);
        asOperator().body(Map.of("email", manager, "password", password, "role", "manager"))
                .post("/api/tenants/" + id + "/users").then().statusCode(201);
        return new TestTenant(id, name, admin, manager, password);
    }

    public static TestTenant aTenant() {
        return aTenant("Europe/London", "GBP", "en-GB");
    }

    /** The online-retail export's mapping. */
    public static Map<String, Object> onlineRetailMapping() {
        return Map.of("orderId", "InvoiceNo", "orderedAt", "InvoiceDate", "sku", "StockCode",
                "description", "Description", "quantity", "Quantity", "unitPrice", "UnitPrice",
                "customerId", "CustomerID", "country", "Country");
    }

    /** A mapping for the small CSVs tests write: columns named after the product's fields. */
    public static Map<String, Object> plainMapping() {
        return Map.of("orderId", "order", "orderedAt", "at", "sku", "sku", "description", "description",
                "quantity", "qty", "unitPrice", "price", "customerId", "customer", "country", "country",
                "channel", "channel");
    }

    public static final String PLAIN_HEADER = "order,at,sku,description,qty,price,customer,country,channel\n";

    public static long anOrdersSource(TestTenant t, Map<String, Object> mapping, Map<String, Object> format) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Orders " + UUID.randomUUID(), "kind", "orders",
                "mapping", mapping));
        if (format != null) {
            body.put("format", format);
        }
        return t.asAdmin().body(body).post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A source of any kind; format and options may be null. */
    public static long aSource(TestTenant t, String kind, Map<String, Object> mapping, Map<String, Object> format,
                               Map<String, Object> options) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", kind + " " + UUID.randomUUID(), "kind", kind,
                "mapping", mapping));
        if (format != null) {
            body.put("format", format);
        }
        if (options != null) {
            body.put("options", options);
        }
        return t.asAdmin().body(body).post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Uploads a file as the tenant's admin. Sent with the JDK's HTTP client: REST Assured keeps a printable copy of
     * every request body, which for a 48 MB export costs seconds of CPU and a gigabyte of garbage.
     */
    public static long upload(TestTenant t, long sourceId, byte[] bytes) {
        String basePath = RestAssured.basePath.endsWith("/") ? RestAssured.basePath.substring(0, RestAssured.basePath.length() - 1)
                : RestAssured.basePath;
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                    + basePath + "/api/sources/" + sourceId + "/files"))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    (t.admin() + ":" + t.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .header("Content-Type", "text/csv")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return io.restassured.path.json.JsonPath.from(response.body()).getLong("fileId");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Triggers the nightly run and waits for it to finish; returns the run id. */
    public static long runNightly(TestTenant t, String expectedStatus) {
        long runId = t.asAdmin().post("/api/jobs/nightly/runs").then().statusCode(202).extract().jsonPath().getLong("runId");
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = t.asAdmin().get("/api/runs/" + runId).then().statusCode(200).extract().path("status");
            return status.equals("succeeded") || status.equals("failed");
        });
        String status = t.asAdmin().get("/api/runs/" + runId).then().extract().path("status");
        assertThat(status).as("status of run " + runId).isEqualTo(expectedStatus);
        return runId;
    }

    /** Waits until the run has ended and returns its final status. */
    public static String awaitRun(TestTenant t, long runId) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = t.asAdmin().get("/api/runs/" + runId).then().statusCode(200).extract().path("status");
            return !status.equals("queued") && !status.equals("running");
        });
        return t.asAdmin().get("/api/runs/" + runId).then().extract().path("status");
    }

    public static long runNightly(TestTenant t) {
        return runNightly(t, "succeeded");
    }
}
