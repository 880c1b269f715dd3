package app.phare.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answer of GET /api/metrics/sales. */
public record SalesReport(LocalDate from, LocalDate to, String grain, String currency, Instant asOf, List<SalesRow> rows) {
}
