package app.phare.live;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** What the Live page and the dashboard's Today strip show, in the tenant's currency, locale and timezone. */
public record LiveView(LiveFigures figures, List<Activity> activity, List<AbandonedCart> carts, String currency,
                       Locale locale, ZoneId zone, boolean today, LocalDate day) {
}
