package app.phare.demo;

import app.phare.demo.DemoCatalogue.Product;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;

/** Generates a year of realistic orders for the Demo tenant as CSV, deterministically from a seed. */
public final class DemoOrders {

    /** The CSV header line written first (no trailing newline in the constant). */
    public static final String HEADER =
            "order_id,ordered_at,sku,description,quantity,unit_price,customer_id,country,channel";

    private static final int DAYS = 365;
    private static final int FIRST_NUMBER = 100_001;
    /** Share of sold lines that come back. */
    private static final double RETURN_RATE = 0.035;
    /** Share of orders placed without an account, per channel (walk-in customers are mostly anonymous). */
    private static final double[] GUEST_RATE = {0.07, 0.05, 0.25, 0.02};
    /** Weights of 1..6 lines in an order. */
    private static final double[] BASKET = DemoWeights.cumulative(35, 25, 17, 11, 7, 5);
    private static final int[] SMALL_QUANTITIES = {1, 2, 3, 4, 6, 10, 12};
    private static final double[] SMALL = DemoWeights.cumulative(30, 25, 12, 12, 9, 6, 6);
    private static final double[] MEDIUM = DemoWeights.cumulative(72, 18, 6, 4);
    /** Yearly growth: the first day sells 8% under the year's level, the last 8% over. */
    private static final double GROWTH = 0.16;

    private static final Comparator<Doc> BY_TIME =
            Comparator.comparingInt(Doc::second).thenComparingLong(Doc::sequence);
    private static final Comparator<Doc> BY_DAY_AND_TIME = Comparator.comparing(Doc::day).thenComparing(BY_TIME);

    /** A product and a quantity, negative when it comes back. */
    private record Item(Product product, int quantity) {
    }

    /** An order or a return document, with everything its lines share. */
    private record Doc(LocalDate day, int second, long sequence, boolean isReturn, int channel, String customerId,
                       String country, List<Item> items) {
    }

    private final Writer out;
    private final LocalDate first;
    private final LocalDate last;
    private final Random random;
    private final DemoCustomers customers;
    /** Returns already decided, waiting for their day: at most a month of them. */
    private final PriorityQueue<Doc> pendingReturns = new PriorityQueue<>(BY_DAY_AND_TIME);
    private final StringBuilder line = new StringBuilder(160);
    private long sequence;
    private long orderCount;
    private long returnCount;
    private long lineCount;

    private DemoOrders(Writer out, LocalDate lastDay, long seed) {
        this.out = out;
        this.first = lastDay.minusDays(DAYS - 1);
        this.last = lastDay;
        this.random = new Random(seed);
        this.customers = new DemoCustomers(random);
    }

    /**
     * Writes orders for the 365 days ending on lastDay (inclusive), UTF-8, LF line endings.
     * Returns the number of data lines written.
     */
    public static long write(OutputStream out, LocalDate lastDay, long seed) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(lastDay, "lastDay");
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(HEADER);
        writer.write('\n');
        DemoOrders generator = new DemoOrders(writer, lastDay, seed);
        generator.run();
        writer.flush();
        return generator.lineCount;
    }

    private void run() throws IOException {
        List<Doc> today = new ArrayList<>(256);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            today.clear();
            double trend = 1 - GROWTH / 2 + GROWTH * ChronoUnit.DAYS.between(first, day) / (DAYS - 1);
            for (int channel = 0; channel < DemoCalendar.CHANNELS.length; channel++) {
                int orders = poisson(DemoCalendar.expectedOrders(day, channel) * trend);
                for (int i = 0; i < orders; i++) {
                    today.add(order(day, channel));
                }
            }
            while (!pendingReturns.isEmpty() && !pendingReturns.peek().day().isAfter(day)) {
                today.add(pendingReturns.poll());
            }
            today.sort(BY_TIME);
            for (Doc doc : today) {
                write(doc);
            }
        }
    }

    private Doc order(LocalDate day, int channel) {
        int second = DemoCalendar.orderSecond(day, channel, random);
        boolean store = channel == DemoCalendar.STORE;
        String customerId = "";
        String country;
        if (random.nextDouble() < GUEST_RATE[channel]) {
            country = store ? DemoCatalogue.UNITED_KINGDOM : DemoCatalogue.country(random);
        } else {
            DemoCustomers.Customer customer = customers.pick(random, store);
            customerId = customer.id();
            country = customer.country();
        }
        int size = 1 + DemoWeights.pick(BASKET, random);
        List<Item> items = new ArrayList<>(size);
        while (items.size() < size) {
            Product product = DemoCatalogue.product(day.getMonthValue(), random);
            if (items.stream().noneMatch(item -> item.product() == product)) {
                items.add(new Item(product, quantity(product)));
            }
        }
        Doc order = new Doc(day, second, sequence++, false, channel, customerId, country, items);
        scheduleReturn(order);
        return order;
    }

    private int quantity(Product product) {
        if (product.pennies() < 400) {
            return SMALL_QUANTITIES[DemoWeights.pick(SMALL, random)];
        }
        if (product.pennies() < 2000) {
            return 1 + DemoWeights.pick(MEDIUM, random);
        }
        return random.nextDouble() < 0.9 ? 1 : 2;
    }

    /** Decides which lines of an order come back, and when: 1 to 30 days later, mostly within two weeks. */
    private void scheduleReturn(Doc order) {
        List<Item> back = null;
        for (Item item : order.items()) {
            if (random.nextDouble() < RETURN_RATE) {
                int quantity = item.quantity() == 1 || random.nextDouble() < 0.75
                        ? item.quantity() : 1 + random.nextInt(item.quantity() - 1);
                if (back == null) {
                    back = new ArrayList<>(2);
                }
                back.add(new Item(item.product(), -quantity));
            }
        }
        if (back == null) {
            return;
        }
        LocalDate day = order.day().plusDays(1 + Math.min(random.nextInt(28), random.nextInt(28)));
        while (order.channel() == DemoCalendar.STORE && !DemoCalendar.storeOpen(day)) {
            day = day.plusDays(1);
        }
        int second = DemoCalendar.returnSecond(day, order.channel(), random);
        if (!day.isAfter(last)) {
            pendingReturns.add(new Doc(day, second, sequence++, true, order.channel(), order.customerId(),
                    order.country(), back));
        }
    }

    private void write(Doc doc) throws IOException {
        String id = doc.isReturn() ? "R" + (FIRST_NUMBER + returnCount++) : "D" + (FIRST_NUMBER + orderCount++);
        for (Item item : doc.items()) {
            line.setLength(0);
            line.append(id).append(',').append(doc.day()).append(' ');
            twoDigits(doc.second() / 3600);
            line.append(':');
            twoDigits(doc.second() / 60 % 60);
            line.append(':');
            twoDigits(doc.second() % 60);
            Product product = item.product();
            line.append(',').append(product.sku()).append(',');
            quoted(product.description());
            line.append(',').append(item.quantity()).append(',').append(product.pennies() / 100).append('.');
            twoDigits((int) (product.pennies() % 100));
            line.append(',').append(doc.customerId()).append(',');
            quoted(doc.country());
            line.append(',').append(DemoCalendar.CHANNELS[doc.channel()]).append('\n');
            out.append(line);
            lineCount++;
        }
    }

    private void twoDigits(int value) {
        if (value < 10) {
            line.append('0');
        }
        line.append(value);
    }

    /** RFC 4180: a field with a comma, quote or line break goes in double quotes, its quotes doubled. */
    private void quoted(String text) {
        boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        if (plain) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line.append(c);
            if (c == '"') {
                line.append('"');
            }
        }
        line.append('"');
    }

    /** A Poisson-distributed count (Knuth's method; StrictMath keeps the output identical on every platform). */
    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
