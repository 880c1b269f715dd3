package app.phare.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The demo orders export: valid CSV, deterministic, and with the patterns a shop's real year has. */
class DemoOrdersTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    private static final long SEED = 42;

    private static byte[] bytes;
    private static long written;
    private static long firstRunMillis;
    private static List<DemoRow> rows;
    private static List<DemoRow> sales;
    private static List<DemoRow> returns;

    @BeforeAll
    static void generateAYear() throws IOException {
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        written = DemoOrders.write(out, LAST_DAY, SEED);
        firstRunMillis = (System.nanoTime() - start) / 1_000_000;
        bytes = out.toByteArray();
        rows = DemoRow.parseAll(bytes);
        sales = rows.stream().filter(r -> !r.isReturn()).toList();
        returns = rows.stream().filter(DemoRow::isReturn).toList();
    }

    @Test
    void writesRfc4180CsvWithNineFieldsOnEveryLine() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith(DemoOrders.HEADER + "\n").doesNotContain("\r").endsWith("\n");
        List<List<String>> records = Rfc4180.parse(text);
        assertThat(records.get(0)).containsExactly(DemoOrders.HEADER.split(","));
        assertThat(records).allSatisfy(fields -> assertThat(fields).hasSize(9));
        assertThat(records.size() - 1L).isEqualTo(written).isEqualTo(rows.size());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.orderId()).matches("[DR]\\d{6}");
            assertThat(row.sku()).matches("[A-Z]{3}-\\d{3}");
            assertThat(row.quantity()).isNotZero();
            assertThat(row.pennies()).isPositive();
            assertThat(row.customerId()).matches("\\d*");
            assertThat(row.channel()).isIn("web", "marketplace", "store", "phone");
        });
        Set<String> withCommas = rows.stream().map(DemoRow::description)
                .filter(d -> d.contains(",")).collect(Collectors.toSet());
        assertThat(withCommas).hasSizeGreaterThanOrEqualTo(5);
        assertThat(text).contains(",\"Tea towel, \"\"Keep Calm\"\" print\",");
        assertThat(rows).anyMatch(r -> r.description().contains("\"")).anyMatch(r -> r.description().contains("£"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-12-31", "2024-02-29", "2026-06-15"})
    void coversExactlyTheYearEndingOnLastDay(String lastDay) throws IOException {
        LocalDate last = LocalDate.parse(lastDay);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long lines = DemoOrders.write(out, last, 7);
        List<DemoRow> year = DemoRow.parseAll(out.toByteArray());
        assertThat(year).hasSize((int) lines);
        assertThat(year).allSatisfy(row -> assertThat(row.day()).isBetween(last.minusDays(364), last));
        assertThat(year.stream().filter(r -> !r.isReturn()).map(DemoRow::day).collect(Collectors.toSet()))
                .contains(last.minusDays(364), last);
    }

    @Test
    void takesTwentyFiveToSixtyOrdersADayOfOneToSixDistinctProducts() {
        Map<String, List<DemoRow>> orders = sales.stream().collect(Collectors.groupingBy(DemoRow::orderId));
        double perDay = orders.size() / 365.0;
        assertThat(perDay).isBetween(25.0, 60.0);
        assertThat(rows.size()).isBetween(30_000, 80_000);
        assertThat(orders.values()).allSatisfy(lines -> {
            assertThat(lines).hasSizeBetween(1, 6);
            assertThat(lines.stream().map(DemoRow::sku).distinct().count()).isEqualTo(lines.size());
            assertThat(lines.stream().map(r -> r.at() + r.customerId() + r.country() + r.channel()).distinct())
                    .hasSize(1);
        });
        Map<Integer, Long> bySize = orders.values().stream()
                .collect(Collectors.groupingBy(List::size, TreeMap::new, Collectors.counting()));
        assertThat(bySize).containsOnlyKeys(1, 2, 3, 4, 5, 6);
    }

    @Test
    void sellsACatalogueOfSixtyToOneHundredTwentyProductsAtStablePrices() {
        Map<String, Set<Long>> prices = rows.stream().collect(Collectors.groupingBy(DemoRow::sku,
                Collectors.mapping(DemoRow::pennies, Collectors.toSet())));
        assertThat(prices.size()).isBetween(60, 120);
        assertThat(prices.values()).allSatisfy(p -> assertThat(p).hasSize(1)
                .allSatisfy(pennies -> assertThat(pennies).isBetween(150L, 6000L)));
        assertThat(prices.keySet().stream().map(sku -> sku.substring(0, 3)).distinct().count()).isGreaterThan(20);
        Map<String, Set<String>> descriptions = rows.stream().collect(Collectors.groupingBy(DemoRow::sku,
                Collectors.mapping(DemoRow::description, Collectors.toSet())));
        assertThat(descriptions.values()).allSatisfy(d -> assertThat(d).hasSize(1));
    }

    @Test
    void weekendsDifferFromWeekdaysByAtLeastFifteenPercent() {
        double weekday = ordersPerDay(sales, d -> d.getDayOfWeek().getValue() <= 5);
        double weekend = ordersPerDay(sales, d -> d.getDayOfWeek().getValue() > 5);
        assertThat(Math.abs(weekend - weekday) / weekday).isGreaterThanOrEqualTo(0.15);
        List<DemoRow> web = sales.stream().filter(r -> r.channel().equals("web")).toList();
        assertThat(ordersPerDay(web, d -> d.getDayOfWeek().getValue() > 5))
                .isLessThan(0.8 * ordersPerDay(web, d -> d.getDayOfWeek().getValue() <= 5));
        List<DemoRow> store = sales.stream().filter(r -> r.channel().equals("store")).toList();
        assertThat(ordersPerDay(store, d -> d.getDayOfWeek() == DayOfWeek.SATURDAY))
                .isGreaterThan(1.3 * ordersPerDay(store, d -> d.getDayOfWeek().getValue() <= 5));
    }

    @Test
    void peaksInNovemberAndIsQuietInJanuaryAndFebruary() {
        Map<Integer, Long> revenue = monthlyRevenue(sales);
        assertThat(revenue).hasSize(12);
        double average = revenue.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(revenue.get(11) / average).isGreaterThanOrEqualTo(1.5);
        assertThat(revenue.get(11)).isEqualTo(revenue.values().stream().max(Long::compare).orElseThrow());
        assertThat(revenue.get(1) / average).isLessThan(0.9);
        assertThat(revenue.get(2) / average).isLessThan(0.9);
        LocalDate blackFriday = DemoCalendar.blackFriday(2025);
        double november = ordersPerDay(sales, d -> d.getMonthValue() == 11);
        assertThat(ordersPerDay(sales, d -> d.equals(blackFriday))).isGreaterThan(1.8 * november);
    }

    @Test
    void returnsTwoToFivePercentOfSoldLinesAsMirrorsOfOneEarlierOrder() {
        assertThat((double) returns.size() / sales.size()).isBetween(0.02, 0.05);
        assertThat(sales).allSatisfy(sale -> assertThat(sale.quantity()).isPositive());
        assertThat(returns).allSatisfy(back -> assertThat(back.quantity()).isNegative());
        Map<String, List<List<DemoRow>>> ordersByParty = sales.stream()
                .collect(Collectors.groupingBy(DemoRow::orderId)).values().stream()
                .collect(Collectors.groupingBy(lines -> party(lines.get(0))));
        Map<String, List<DemoRow>> documents = returns.stream().collect(Collectors.groupingBy(DemoRow::orderId));
        assertThat(documents.values()).allSatisfy(back -> {
            assertThat(back.stream().map(r -> r.at() + party(r)).distinct()).hasSize(1);
            assertThat(ordersByParty.get(party(back.get(0)))).anyMatch(order -> mirrors(back, order));
        });
    }

    @Test
    void customersComeBackWithASkewedFrequency() {
        Map<String, Long> ordersByCustomer = sales.stream().filter(r -> !r.customerId().isEmpty())
                .collect(Collectors.groupingBy(DemoRow::customerId,
                        Collectors.collectingAndThen(Collectors.mapping(DemoRow::orderId, Collectors.toSet()),
                                s -> (long) s.size())));
        assertThat(ordersByCustomer.size()).isBetween(1000, 5000);
        List<Long> counts = ordersByCustomer.values().stream().sorted(Comparator.reverseOrder()).toList();
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long topTenth = counts.subList(0, counts.size() / 10).stream().mapToLong(Long::longValue).sum();
        assertThat((double) topTenth / total).isGreaterThan(0.35);
        assertThat(counts.get(0)).isGreaterThanOrEqualTo(30L);
        assertThat(counts.stream().filter(c -> c > 1).count()).isGreaterThan(counts.size() / 2);
        Map<String, Set<String>> countries = sales.stream().filter(r -> !r.customerId().isEmpty())
                .collect(Collectors.groupingBy(DemoRow::customerId,
                        Collectors.mapping(DemoRow::country, Collectors.toSet())));
        assertThat(countries.values()).allSatisfy(c -> assertThat(c).hasSize(1));
    }

    @Test
    void guestsCountriesAndChannelsHaveRealisticShares() {
        assertThat(share(rows, r -> r.customerId().isEmpty())).isCloseTo(0.10, within(0.04));
        assertThat(share(rows, r -> r.country().equals("United Kingdom"))).isCloseTo(0.70, within(0.08));
        Set<String> countries = rows.stream().map(DemoRow::country).collect(Collectors.toSet());
        assertThat(countries).contains("France", "Germany", "Netherlands", "Ireland", "Spain", "Belgium")
                .hasSizeGreaterThanOrEqualTo(10);
        Map<String, Long> channels = sales.stream()
                .collect(Collectors.groupingBy(DemoRow::channel, Collectors.counting()));
        assertThat(channels).containsOnlyKeys("web", "marketplace", "store", "phone");
        assertThat(channels.get("web")).isGreaterThan(sales.size() / 2);
        assertThat(rows.stream().filter(r -> r.channel().equals("store")))
                .allSatisfy(r -> assertThat(r.country()).isEqualTo("United Kingdom"));
    }

    @Test
    void ordersFitOpeningHoursWithAnEveningPeakOnline() {
        List<DemoRow> firstLines = sales.stream().collect(Collectors.toMap(DemoRow::orderId, r -> r, (a, b) -> a))
                .values().stream().toList();
        assertThat(rows.stream().filter(r -> r.channel().equals("store")))
                .allSatisfy(r -> assertThat(r.at().getHour()).isBetween(9, 17));
        assertThat(rows.stream().filter(r -> r.channel().equals("phone") && !r.isReturn()))
                .allSatisfy(r -> assertThat(r.at().getHour()).isBetween(9, 16));
        int[] webByHour = new int[24];
        firstLines.stream().filter(r -> r.channel().equals("web")).forEach(r -> webByHour[r.at().getHour()]++);
        int evening = webByHour[19] + webByHour[20] + webByHour[21];
        int morning = webByHour[9] + webByHour[10] + webByHour[11];
        int night = webByHour[2] + webByHour[3] + webByHour[4];
        assertThat(evening).isGreaterThan(morning * 13 / 10);
        assertThat(night).isPositive().isLessThan(morning / 5);
    }

    @Test
    void sameSeedWritesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(DemoOrders.write(again, LAST_DAY, SEED)).isEqualTo(written);
        assertThat(again.toByteArray()).isEqualTo(bytes);
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        DemoOrders.write(other, LAST_DAY, SEED + 1);
        assertThat(other.toByteArray()).isNotEqualTo(bytes);
    }

    @Test
    void streamsAYearInWellUnderTwoSeconds() throws IOException {
        assertThat(firstRunMillis).isLessThan(2000);
        ChunkCounter counter = new ChunkCounter();
        long start = System.nanoTime();
        DemoOrders.write(counter, LAST_DAY, SEED);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(counter.bytes).isEqualTo(bytes.length);
        assertThat(counter.chunks).isGreaterThan(10);
        assertThat(counter.largest).isLessThanOrEqualTo(1 << 17);
        assertThat(counter.closed).isFalse();
        assertThatThrownBy(() -> DemoOrders.write(new ChunkCounter() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        }, LAST_DAY, SEED)).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    @Test
    void csvReaderRejectsMalformedInput() {
        assertThat(Rfc4180.parse("a,\"b,\"\"c\"\"\",d\n")).containsExactly(List.of("a", "b,\"c\"", "d"));
        assertThatThrownBy(() -> Rfc4180.parse("a,b\"c\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc4180.parse("a,\"b\"c\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc4180.parse("a,\"b\n")).isInstanceOf(IllegalArgumentException.class);
    }

    private static double ordersPerDay(List<DemoRow> lines, Predicate<LocalDate> days) {
        long orders = lines.stream().filter(r -> days.test(r.day())).map(DemoRow::orderId).distinct().count();
        long dayCount = LAST_DAY.minusDays(364).datesUntil(LAST_DAY.plusDays(1)).filter(days).count();
        return (double) orders / dayCount;
    }

    private static Map<Integer, Long> monthlyRevenue(List<DemoRow> lines) {
        Map<Integer, Long> revenue = new TreeMap<>();
        lines.forEach(r -> revenue.merge(r.day().getMonthValue(), r.quantity() * r.pennies(), Long::sum));
        return revenue;
    }

    private static double share(List<DemoRow> lines, Predicate<DemoRow> which) {
        return (double) lines.stream().filter(which).count() / lines.size();
    }

    /** Whether the return is dated 1..30 days after the order and takes back some of its lines, at their prices. */
    private static boolean mirrors(List<DemoRow> back, List<DemoRow> order) {
        LocalDate sold = order.get(0).day();
        LocalDate returned = back.get(0).day();
        return returned.isAfter(sold) && !returned.isAfter(sold.plusDays(30))
                && back.stream().allMatch(line -> order.stream().anyMatch(s -> s.sku().equals(line.sku())
                && s.pennies() == line.pennies() && s.quantity() >= -line.quantity()));
    }

    /** Who placed an order, and how: a return must match all three. */
    private static String party(DemoRow r) {
        return r.customerId() + '|' + r.country() + '|' + r.channel();
    }
}
