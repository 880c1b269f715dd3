package app.phare.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Quartz cron in words, for the common shapes: "every day at 02:00 Europe/Paris", "every Monday at 06:30 …",
 * "every weekday at 07:00 …", "on day 1 of every month at 03:00 …", "every 15 minutes", "every hour at :05".
 * Other expressions are shown as they are, with their timezone.
 */
public final class CronText {

    private static final Map<String, String> DAYS = Map.of("SUN", "Sunday", "MON", "Monday", "TUE", "Tuesday",
            "WED", "Wednesday", "THU", "Thursday", "FRI", "Friday", "SAT", "Saturday");
    private static final String[] DAY_NUMBERS = {"", "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private CronText() {
    }

    public static String describe(String cron, String timezone) {
        String fallback = "on the schedule " + cron + " (" + timezone + ")";
        String[] f = cron.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length < 6 || f.length > 7 || (f.length == 7 && !f[6].equals("*")) || !f[0].equals("0") || !f[4].equals("*")) {
            return fallback;
        }
        String minute = f[1], hour = f[2], dom = f[3], dow = f[5];
        String days = days(dom, dow);
        if (days == null) {
            return fallback;
        }
        if (hour.equals("*")) {
            if (!days.equals("every day")) {
                return fallback;
            }
            if (minute.equals("*")) {
                return "every minute";
            }
            if (minute.matches("(0|\\*)/\\d+")) {
                return "every " + minute.substring(minute.indexOf('/') + 1) + " minutes";
            }
            if (minute.matches("\\d{1,2}")) {
                return "every hour at :" + two(minute);
            }
            return fallback;
        }
        if (!minute.matches("\\d{1,2}") || !hour.matches("\\d{1,2}(,\\d{1,2})*")) {
            return fallback;
        }
        List<String> times = new ArrayList<>();
        for (String h : hour.split(",")) {
            times.add(two(h) + ":" + two(minute));
        }
        return days + " at " + join(times) + " " + timezone;
    }

    /** "every day", "every Monday", "every weekday", "on day 1 of every month", or null when not a common shape. */
    private static String days(String dom, String dow) {
        boolean anyDom = dom.equals("*") || dom.equals("?");
        boolean anyDow = dow.equals("*") || dow.equals("?");
        if (anyDom && anyDow) {
            return "every day";
        }
        if (anyDow && dom.matches("\\d{1,2}")) {
            return "on day " + Integer.parseInt(dom) + " of every month";
        }
        if (anyDom) {
            if (dow.equals("MON-FRI") || dow.equals("2-6")) {
                return "every weekday (Monday to Friday)";
            }
            if (dow.equals("SAT,SUN") || dow.equals("SUN,SAT") || dow.equals("1,7") || dow.equals("7,1")) {
                return "every weekend day";
            }
            List<String> names = new ArrayList<>();
            for (String d : dow.split(",")) {
                String key = d.matches("[1-7]") ? DAY_NUMBERS[Integer.parseInt(d)] : d;
                String name = DAYS.get(key);
                if (name == null) {
                    return null;
                }
                names.add(name);
            }
            return "every " + join(names);
        }
        return null;
    }

    /** A time between fires in words after "every": "minute", "5 minutes", "2 hours", "90 seconds". */
    public static String every(java.time.Duration gap) {
        String amount = amount(gap);
        return amount.startsWith("1 ") ? amount.substring(2) : amount;
    }

    /** A duration in words in its largest whole unit: "1 hour", "10 minutes", "90 seconds". */
    public static String amount(java.time.Duration d) {
        long seconds = d.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String two(String n) {
        return n.length() == 1 ? "0" + n : n;
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
