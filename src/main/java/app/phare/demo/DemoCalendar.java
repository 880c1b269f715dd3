package app.phare.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Random;

/** When the Demo shop sells: channel mix, weekday pattern, seasonality, holidays and opening hours. */
final class DemoCalendar {

    static final String[] CHANNELS = {"web", "marketplace", "store", "phone"};
    static final int WEB = 0, MARKETPLACE = 1, STORE = 2, PHONE = 3;

    /** Orders on an ordinary day of an average month, before the channel shares. */
    private static final double ORDERS_PER_DAY = 42;
    private static final double[] CHANNEL_SHARE = {0.58, 0.19, 0.17, 0.06};
    /** Monday..Sunday per channel: web quieter at weekends, the store busiest on Saturday, phone in office hours. */
    private static final double[][] WEEKDAY = {
            {1.08, 1.0, 1.0, 1.0, 0.95, 0.62, 0.68},
            {1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9},
            {0.85, 0.85, 0.9, 0.95, 1.1, 1.6, 0.8},
            {1.1, 1.0, 1.0, 1.0, 0.9, 0.25, 0}};
    /** January..December: quiet after Christmas, a garden spring, a gift-buying November and December. */
    private static final double[] MONTH = {0.72, 0.78, 0.92, 0.95, 0.95, 0.9, 0.9, 0.85, 0.98, 1.08, 1.55, 1.35};

    /** Hour-of-day weights, 0..23. */
    private static final double[] WEB_HOURS = DemoWeights.cumulative(
            2, 1, 0.6, 0.4, 0.4, 0.6, 1.5, 3, 4, 5, 5.5, 6, 6.5, 6, 5.5, 5.5, 6, 6.5, 8, 9.5, 10, 9, 6, 3.5);
    private static final double[] MARKETPLACE_HOURS = DemoWeights.cumulative(
            2, 1.2, 0.8, 0.6, 0.6, 0.8, 1.5, 3, 4, 4.5, 5, 5.5, 5.5, 5.5, 5, 5, 5, 5.5, 6, 6.5, 6.5, 6, 4.5, 3);
    private static final double[] STORE_HOURS = DemoWeights.cumulative(
            0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 7, 9, 8, 7, 6, 6, 4, 0, 0, 0, 0, 0, 0);
    private static final double[] STORE_SUNDAY_HOURS = DemoWeights.cumulative(
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 7, 6, 5, 3, 0, 0, 0, 0, 0, 0, 0, 0);
    private static final double[] PHONE_HOURS = DemoWeights.cumulative(
            0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 7, 7, 5, 6, 6, 5, 3, 0, 0, 0, 0, 0, 0, 0);
    private static final double[] PHONE_SATURDAY_HOURS = DemoWeights.cumulative(
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    /** Parcels coming back are booked in by the warehouse, 8:00 to 18:00. */
    private static final double[] WAREHOUSE_HOURS = DemoWeights.cumulative(
            0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 6, 6, 5, 5, 6, 6, 5, 3, 0, 0, 0, 0, 0, 0);

    private DemoCalendar() {
    }

    /** The mean number of orders the channel takes on the day, before the business's growth trend. */
    static double expectedOrders(LocalDate day, int channel) {
        return ORDERS_PER_DAY * CHANNEL_SHARE[channel] * WEEKDAY[channel][day.getDayOfWeek().getValue() - 1]
                * MONTH[day.getMonthValue() - 1] * holiday(day, channel);
    }

    /** Whether the shop's doors are open (closed on Christmas Day and New Year's Day). */
    static boolean storeOpen(LocalDate day) {
        return !isDay(day, 12, 25) && !isDay(day, 1, 1);
    }

    /** A second of the day (0..86399) at which the channel takes an order. */
    static int orderSecond(LocalDate day, int channel, Random random) {
        DayOfWeek weekday = day.getDayOfWeek();
        double[] hours = switch (channel) {
            case WEB -> WEB_HOURS;
            case MARKETPLACE -> MARKETPLACE_HOURS;
            case STORE -> weekday == DayOfWeek.SUNDAY ? STORE_SUNDAY_HOURS : STORE_HOURS;
            default -> weekday == DayOfWeek.SATURDAY ? PHONE_SATURDAY_HOURS : PHONE_HOURS;
        };
        return DemoWeights.pick(hours, random) * 3600 + random.nextInt(3600);
    }

    /** A second of the day at which a return arrives: over the counter for the store, else at the warehouse. */
    static int returnSecond(LocalDate day, int channel, Random random) {
        if (channel == STORE) {
            return orderSecond(day, STORE, random);
        }
        return DemoWeights.pick(WAREHOUSE_HOURS, random) * 3600 + random.nextInt(3600);
    }

    /** Black Friday: the day after the fourth Thursday of November. */
    static LocalDate blackFriday(int year) {
        return LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1);
    }

    private static double holiday(LocalDate day, int channel) {
        boolean online = channel == WEB || channel == MARKETPLACE;
        if (isDay(day, 12, 25)) {
            return online ? 0.35 : 0;
        }
        if (isDay(day, 1, 1)) {
            return online ? 0.6 : 0;
        }
        if (isDay(day, 12, 26)) {
            return channel == PHONE ? 0 : 1.3;
        }
        if (day.getMonthValue() == 12 && day.getDayOfMonth() >= 19) {
            return channel == STORE ? 1.5 : 0.8;
        }
        long fromBlackFriday = ChronoUnit.DAYS.between(blackFriday(day.getYear()), day);
        if (fromBlackFriday == 0) {
            return channel == STORE ? 1.8 : 2.6;
        }
        return fromBlackFriday >= -4 && fromBlackFriday <= 3 ? 1.5 : 1;
    }

    private static boolean isDay(LocalDate day, int month, int dayOfMonth) {
        return day.getMonthValue() == month && day.getDayOfMonth() == dayOfMonth;
    }
}
