package app.phare.report;

import java.util.List;
import java.util.Map;

/** The kinds of report and formats, with the names people read. */
public final class ReportTypes {

    public static final Map<String, String> LABELS = Map.of("sales-summary", "Sales summary", "quarterly-trends",
            "Quarterly trends", "marketing", "Marketing performance", "pipeline", "Sales pipeline");
    public static final List<String> TYPES = List.of("sales-summary", "quarterly-trends", "marketing", "pipeline");
    public static final List<String> FORMATS = List.of("pdf", "xlsx", "csv");

    private ReportTypes() {
    }

    public static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }
}
