package app.phare.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** One data line of the demo export, parsed for the tests; unit price in pennies. */
record DemoRow(String orderId, LocalDateTime at, String sku, String description, int quantity, long pennies,
               String customerId, String country, String channel) {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    boolean isReturn() {
        return orderId.startsWith("R");
    }

    LocalDate day() {
        return at.toLocalDate();
    }

    /** The data lines of a whole export (header skipped); fails on a malformed line or a price without 2 decimals. */
    static List<DemoRow> parseAll(byte[] csv) {
        List<List<String>> records = Rfc4180.parse(new String(csv, StandardCharsets.UTF_8));
        List<DemoRow> rows = new ArrayList<>(records.size());
        for (List<String> f : records.subList(1, records.size())) {
            if (f.size() != 9 || !f.get(5).matches("\\d+\\.\\d{2}")) {
                throw new IllegalArgumentException("malformed line " + f);
            }
            rows.add(new DemoRow(f.get(0), LocalDateTime.parse(f.get(1), AT), f.get(2), f.get(3),
                    Integer.parseInt(f.get(4)), Long.parseLong(f.get(5).replace(".", "")), f.get(6), f.get(7),
                    f.get(8)));
        }
        return rows;
    }
}
