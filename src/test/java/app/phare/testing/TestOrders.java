package app.phare.testing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Small, deterministic orders exports in the columns of {@link Api#plainMapping()}, for tests. */
public final class TestOrders {

    static final String[] COUNTRIES = {"United Kingdom", "France", "Germany"};
    static final String[] CHANNELS = {"web", "store"};
    static final String[][] PRODUCTS = {{"MUG-1", "Blue mug", "4.50"}, {"TEA-2", "Tea towel, linen", "7.25"},
            {"PEN-3", "Fountain pen", "12.00"}, {"CARD-4", "Greeting card", "2.10"}, {"LAMP-5", "Desk lamp", "34.90"}};

    private TestOrders() {
    }

    /** How many orders (with a positive line) {@link #csv} writes for this many days. */
    public static int ordersIn(int days) {
        int n = 0;
        for (int d = 0; d < days; d++) {
            n += 2 + (d * 7) % 5;
        }
        return n;
    }

    /** days days of orders from start: a few orders a day over three countries and two channels, some returns. */
    public static byte[] csv(LocalDate start, int days) {
        StringBuilder b = new StringBuilder(Api.PLAIN_HEADER);
        int order = 1000;
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            int orders = 2 + (d * 7) % 5;
            for (int o = 0; o < orders; o++) {
                order++;
                String country = COUNTRIES[(order / 2) % COUNTRIES.length];
                String channel = CHANNELS[order % CHANNELS.length];
                String customer = "C" + (order % 37);
                for (int l = 0; l <= order % 3; l++) {
                    String[] p = PRODUCTS[(order + l) % PRODUCTS.length];
                    int qty = 1 + (order + l) % 4;
                    b.append("O").append(order).append(',').append(day).append(' ').append(String.format("%02d:15:00", 8 + o % 10))
                            .append(',').append(p[0]).append(",\"").append(p[1]).append("\",").append(qty).append(',').append(p[2])
                            .append(',').append(customer).append(',').append(country).append(',').append(channel).append('\n');
                }
                if (order % 17 == 0) {
                    String[] p = PRODUCTS[order % PRODUCTS.length];
                    b.append("R").append(order).append(',').append(day).append(" 18:00:00,").append(p[0]).append(",\"")
                            .append(p[1]).append("\",-1,").append(p[2]).append(',').append(customer).append(',')
                            .append(country).append(',').append(channel).append('\n');
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
