package app.phare.dashboard;

import app.phare.common.Display;
import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

/** Dashboard display logic for templates. */
@TemplateExtension
final class DashboardExtensions {

    private DashboardExtensions() {
    }

    /** The KPI's change against the previous period, e.g. "+12.3% vs previous period", or "no previous period". */
    static String delta(DashboardView.Kpi kpi, Locale locale) {
        return kpi.change() == null ? "no complete previous period to compare" : Display.change(kpi.change(), locale) + " vs previous period";
    }
}
