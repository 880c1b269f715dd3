package app.phare.report.content;

import app.phare.tenant.Tenant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report spec that passed validation: its type and format, the period and the filters (null: all; "": the rows the
 * export gave no value for, written "-" as on the dashboard), with the filters as shown to the reader.
 */
record CheckedSpec(ReportType type, LocalDate from, LocalDate to, ReportFormat format, String country, String channel,
                   Map<String, String> shownFilters) {

    boolean filtered() {
        return country != null || channel != null;
    }

    /** The document of this spec for the tenant, with the parts a builder made. */
    ReportDocument document(Tenant tenant, Instant asOf, List<String> notes, List<ReportDocument.Kpi> kpis,
                            List<ReportDocument.Chart> charts, List<Table> tables) {
        return new ReportDocument(type.id(), type.title(), tenant.name, tenant.currency.trim(), tenant.javaLocale(),
                tenant.zone(), from, to, shownFilters, asOf, notes, kpis, charts, tables);
    }
}
