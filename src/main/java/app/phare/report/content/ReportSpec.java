package app.phare.report.content;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a report covers. type: "sales-summary" | "quarterly-trends" | "marketing" | "pipeline"; format: "pdf" | "xlsx" |
 * "csv"; filters: country, channel (may be empty map).
 */
public record ReportSpec(String type, LocalDate from, LocalDate to, String format, Map<String, String> filters) {
}
