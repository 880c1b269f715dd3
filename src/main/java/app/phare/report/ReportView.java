package app.phare.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A report as the API and the Reports page show it. */
public record ReportView(long id, String type, String format, LocalDate from, LocalDate to, Map<String, String> filters,
                         String status, String stage, int progress, String error, String fileName, Long bytes,
                         Instant dataAsOf, Instant createdAt, Instant readyAt, Instant expiresAt, String requestedBy) {

    public boolean ready() {
        return "ready".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status);
    }

    public boolean pending() {
        return "queued".equals(status) || "running".equals(status);
    }
}
