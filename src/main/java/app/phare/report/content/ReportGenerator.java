package app.phare.report.content;

import app.phare.common.ProblemException;
import app.phare.pipeline.PipelineRunRepository;
import app.phare.tenant.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a report's content for the tenant in scope from the pre-aggregated tables and renders it as PDF, XLSX or CSV
 * (a zip of CSVs when it has several tables). Called by the report worker inside {@code TenantScope.callAs}.
 */
@ApplicationScoped
public class ReportGenerator {

    /** Longest period a report covers, as the dashboard's custom range. */
    static final long MAX_DAYS = 7310;
    private static final Set<String> FILTERS = Set.of("country", "channel");

    @Inject
    SalesSummaryBuilder salesSummary;

    @Inject
    QuarterlyTrendsBuilder quarterlyTrends;

    @Inject
    MarketingReportBuilder marketing;

    @Inject
    PipelineReportBuilder pipeline;

    @Inject
    PipelineRunRepository runs;

    /**
     * Builds and renders the report for the tenant currently in scope; throws ProblemException(400) for a bad spec, or
     * a marketing or pipeline report without those sources' data.
     */
    public RenderedReport generate(Tenant tenant, ReportSpec spec, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        CheckedSpec checked = check(spec);
        p.at("Reading the figures", 10);
        Instant asOf = QuarkusTransaction.requiringNew().call(() -> runs.lastSuccess().orElse(null));
        ReportDocument doc = switch (checked.type()) {
            case SALES_SUMMARY -> QuarkusTransaction.requiringNew().call(() -> salesSummary.build(tenant, checked, asOf));
            case QUARTERLY_TRENDS -> QuarkusTransaction.requiringNew().call(() -> quarterlyTrends.build(tenant, checked, asOf));
            case MARKETING -> marketing.build(tenant, checked, asOf);
            case PIPELINE -> pipeline.build(tenant, checked, asOf);
        };
        p.at("Rendering " + checked.format().id().toUpperCase(java.util.Locale.ROOT), 60);
        RenderedReport rendered = render(doc, checked);
        p.at("Ready", 100);
        return rendered;
    }

    /** Validates a spec without building it (types, formats, dates, filters), for the API to answer 400 before queueing. */
    public void validate(ReportSpec spec) {
        check(spec);
    }

    static RenderedReport render(ReportDocument doc, CheckedSpec spec) {
        return switch (spec.format()) {
            case PDF -> new RenderedReport(ReportPdf.write(doc), ReportFormat.PDF.contentType(), ReportFiles.name(spec, "pdf"));
            case XLSX -> new RenderedReport(XlsxWriter.write(doc), ReportFormat.XLSX.contentType(), ReportFiles.name(spec, "xlsx"));
            case CSV -> {
                List<Table> tables = doc.allTables();
                yield tables.size() == 1
                        ? new RenderedReport(CsvWriter.csv(tables.get(0)), ReportFormat.CSV.contentType(), ReportFiles.name(spec, "csv"))
                        : new RenderedReport(CsvWriter.zip(tables), ReportFormat.ZIP, ReportFiles.name(spec, "zip"));
            }
        };
    }

    static CheckedSpec check(ReportSpec spec) {
        if (spec == null) {
            throw ProblemException.badRequest(null, "a report needs a type, from, to and format");
        }
        ReportType type = ReportType.of(spec.type() == null ? null : spec.type().trim());
        if (type == null) {
            throw ProblemException.badRequest("type", (spec.type() == null ? "type is required" : "'" + spec.type()
                    + "' is not a report type") + "; use one of sales-summary, quarterly-trends, marketing, pipeline");
        }
        ReportFormat format = ReportFormat.of(spec.format() == null ? null : spec.format().trim());
        if (format == null) {
            throw ProblemException.badRequest("format", (spec.format() == null ? "format is required" : "'" + spec.format()
                    + "' is not a report format") + "; use one of pdf, xlsx, csv");
        }
        LocalDate from = date("from", spec.from());
        LocalDate to = date("to", spec.to());
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("from", "from (" + from + ") is after to (" + to + ")");
        }
        if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_DAYS) {
            throw ProblemException.badRequest("to", "a report covers at most 20 years; shorten the period");
        }
        Map<String, String> filters = spec.filters() == null ? Map.of() : spec.filters();
        for (String key : filters.keySet()) {
            if (!FILTERS.contains(key)) {
                throw ProblemException.badRequest("filters", "'" + key + "' is not a report filter; use country or channel");
            }
        }
        String country = filter(filters.get("country"));
        String channel = filter(filters.get("channel"));
        if (!type.filterable() && (country != null || channel != null)) {
            throw ProblemException.badRequest("filters", "the " + type.title().toLowerCase(java.util.Locale.ROOT)
                    + " report has no country or channel breakdown; remove the filters");
        }
        Map<String, String> shown = new LinkedHashMap<>();
        if (country != null) {
            shown.put("Country", country.isEmpty() ? "(not given)" : country);
        }
        if (channel != null) {
            shown.put("Channel", channel.isEmpty() ? "(not given)" : channel);
        }
        return new CheckedSpec(type, from, to, format, country, channel, shown);
    }

    private static LocalDate date(String field, LocalDate date) {
        if (date == null) {
            throw ProblemException.badRequest(field, field + " is required, as YYYY-MM-DD");
        }
        return app.phare.common.QueryParams.plausible(field, date);
    }

    /** A filter value: blank means all, "-" the rows the export gave no value for (as on the dashboard). */
    private static String filter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim().equals("-") ? "" : value.trim();
    }
}
