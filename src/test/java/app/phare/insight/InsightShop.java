package app.phare.insight;

import app.phare.testing.Api;
import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated shop for the insight tests: 20 weeks of orders with a weekly rhythm from three countries over two
 * channels, whose last day loses most of its Dutch orders (the planted dip), plus products with a unit cost and a
 * stock export where one item runs short and one is heavily overstocked.
 */
public final class InsightShop {

    public static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 29);
    public static final int DAYS = 140;
    static final String[] SKUS = {"MUG-01", "MUG-02", "TEA-01", "TEA-02", "POT-01", "CUP-01"};
    static final double[] PRICES = {9.5, 12.0, 6.25, 7.75, 24.0, 4.5};
    static final double[] WEEKDAY = {1.0, 1.05, 1.0, 1.1, 1.2, 0.8, 0.6};

    private InsightShop() {
    }

    /** Orders CSV (plain mapping). The Netherlands carries 40 % of orders, and on LAST_DAY keeps only a tenth of them. */
    public static byte[] orders() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder(Api.PLAIN_HEADER);
        int order = 1;
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = LAST_DAY.minusDays(DAYS - 1 - d);
            int base = (int) Math.round(60 * WEEKDAY[day.getDayOfWeek().getValue() - 1] * (1 + 0.04 * (random.nextDouble() * 2 - 1)));
            for (int o = 0; o < base; o++) {
                double u = random.nextDouble();
                String country = u < 0.4 ? "Netherlands" : u < 0.75 ? "United Kingdom" : "Germany";
                if (day.equals(LAST_DAY) && country.equals("Netherlands") && random.nextDouble() < 0.9) {
                    continue;
                }
                String channel = random.nextDouble() < 0.7 ? "web" : "app";
                int s = random.nextInt(SKUS.length);
                int qty = 1 + random.nextInt(3);
                csv.append("O").append(order).append(',').append(day).append(String.format(" %02d:%02d:00", 8 + o % 12, o % 60))
                        .append(',').append(SKUS[s]).append(",Item ").append(SKUS[s]).append(',').append(qty).append(',')
                        .append(PRICES[s]).append(",C").append(random.nextInt(5000)).append(',').append(country).append(',')
                        .append(channel).append('\n');
                order++;
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] products() {
        StringBuilder csv = new StringBuilder("sku,name,category,cost\n");
        for (int i = 0; i < SKUS.length; i++) {
            csv.append(SKUS[i]).append(",Item ").append(SKUS[i]).append(',').append(SKUS[i], 0, 3).append(',')
                    .append(PRICES[i] / 2).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** MUG-01 has 3 units left (it sells about 20 a day); CUP-01 has 20,000 (years of sales). */
    public static byte[] stock() {
        return ("sku,on_hand,on_order,reorder_level,date\n"
                + "MUG-01,3,0,20," + LAST_DAY + "\n"
                + "MUG-02,2000,0,20," + LAST_DAY + "\n"
                + "TEA-01,900,100,20," + LAST_DAY + "\n"
                + "TEA-02,400,0,20," + LAST_DAY + "\n"
                + "POT-01,150,0,10," + LAST_DAY + "\n"
                + "CUP-01,20000,0,10," + LAST_DAY + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Loads everything through the nightly run and waits until its insights are stored. */
    public static void load(Api.TestTenant t) {
        long orders = Api.anOrdersSource(t, Api.plainMapping(), null);
        long products = Api.aSource(t, "products", Map.of("sku", "sku", "name", "name", "category", "category", "unitCost", "cost"), null, null);
        long stock = Api.aSource(t, "inventory", Map.of("sku", "sku", "onHand", "on_hand", "onOrder", "on_order",
                "reorderLevel", "reorder_level", "snapshotDate", "date"), null, null);
        Api.upload(t, orders, orders());
        Api.upload(t, products, products());
        Api.upload(t, stock, stock());
        Api.runNightly(t);
        awaitInsights(t);
    }

    public static void awaitInsights(Api.TestTenant t) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                t.asAdmin().get("/api/insights/forecasts").then().statusCode(200).extract().jsonPath().getList("$").size() == 2);
    }
}
