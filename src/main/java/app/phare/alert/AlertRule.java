package app.phare.alert;

import app.phare.insight.Kpi;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's alert rule: a KPI over a period (day, week or month of the nightly data; the last hour for live
 * KPIs), a condition with its threshold, a minimum volume below which it stays silent, who is told and how, and a
 * cooldown so that one incident is one alert.
 */
public record AlertRule(long id, String name, String kpi, String period, String condition, BigDecimal threshold,
                        long minVolume, List<String> recipients, boolean inApp, boolean email, int cooldownMinutes,
                        boolean muted, Instant lastFiredAt, String createdBy, Instant updatedAt) {

    public static final String ABOVE = "above", BELOW = "below", CHANGE_PREVIOUS = "change_previous",
            CHANGE_YEAR = "change_year", ANOMALY = "anomaly", BELOW_USUAL = "below_usual", ABOVE_USUAL = "above_usual";
    public static final List<String> DAILY_CONDITIONS = List.of(ABOVE, BELOW, CHANGE_PREVIOUS, CHANGE_YEAR, ANOMALY);
    public static final List<String> LIVE_CONDITIONS = List.of(BELOW_USUAL, ABOVE_USUAL, ABOVE, BELOW);
    public static final List<String> DAILY_PERIODS = List.of("day", "week", "month");
    public static final String HOUR = "hour";

    public Kpi kpiValue() {
        return Kpi.of(kpi).orElseThrow();
    }

    @JsonProperty
    public boolean live() {
        return kpiValue().live;
    }

    /** The rule in words, e.g. "Orders in the last hour below 50 % of the usual for that hour and weekday". */
    @JsonProperty
    public String describe() {
        Kpi k = kpiValue();
        String subject = k.live ? k.label : k.label + " of the " + ("day".equals(period) ? "latest day" : "last full " + period);
        String t = threshold == null ? "" : threshold.stripTrailingZeros().toPlainString();
        String what = switch (condition) {
            case ABOVE -> "above " + t;
            case BELOW -> "below " + t;
            case CHANGE_PREVIOUS -> "changes by more than " + t + " % vs the " + ("day".equals(period)
                    ? "same weekday a week before" : "previous " + period);
            case CHANGE_YEAR -> "changes by more than " + t + " % vs the same " + period + " last year";
            case ANOMALY -> "is flagged as an anomaly";
            case BELOW_USUAL -> "below " + t + " % of the usual for that hour and weekday";
            case ABOVE_USUAL -> "above " + t + " % of the usual for that hour and weekday";
            default -> condition;
        };
        return subject + " " + what + (minVolume > 0 ? " (when volume is at least " + minVolume + ")" : "");
    }

    /** Body of a rule for the API and the page; left-out fields take defaults (see AlertRuleService). */
    public record Request(String name, String kpi, String period, String condition, BigDecimal threshold, Long minVolume,
                          List<String> recipients, Boolean inApp, Boolean email, Integer cooldownMinutes, Boolean muted) {
    }
}
