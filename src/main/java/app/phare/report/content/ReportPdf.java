package app.phare.report.content;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a report as PDF: the Qute template {@code ReportPdf/report.html} (XHTML) turned into PDF by Open HTML to
 * PDF, with Liberation Sans (shipped inside PDFBox) embedded so any currency sign and accent prints. Charts are bars
 * drawn in HTML and CSS.
 */
public final class ReportPdf {

    /** Longest table printed in full; the spreadsheet formats carry every row. */
    static final int MAX_ROWS = 40;
    private static final int COLUMN_CHART_MM = 40;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(View view);
    }

    /** Everything the template prints, already formatted. */
    public record View(String title, String tenantName, String period, List<String> filters, String asOf,
                       List<String> notes, List<KpiTile> kpis, List<ChartView> charts, List<TableView> tables) {
    }

    /** A KPI tile; compared is false when the report has no comparison periods. */
    public record KpiTile(String label, String value, boolean compared, String vsPrevious, String previousTrend,
                          String vsLastYear, String lastYearTrend) {
    }

    /** A chart; width is the percent of the page width its columns take (few columns stay narrow). */
    public record ChartView(String title, boolean horizontal, int width, boolean valued, List<BarView> bars) {
    }

    /** A bar: size is millimetres of height for columns, percent of width for horizontal bars. */
    public record BarView(String label, String value, String shortValue, int size, boolean negative, boolean labelled) {
    }

    /** A table; wide ones (many columns) print smaller. */
    public record TableView(String title, boolean wide, List<CellView> headers, List<List<CellView>> rows, String note) {
    }

    public record CellView(String text, boolean numeric) {
    }

    private ReportPdf() {
    }

    static {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLog());
    }

    static byte[] write(ReportDocument doc) {
        String html = Templates.report(view(doc)).render();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PDDocument.class.getResourceAsStream(FONT), "Liberation Sans");
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static View view(ReportDocument doc) {
        CellText text = new CellText(doc.currency(), doc.locale());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(doc.locale());
        List<String> filters = new ArrayList<>();
        doc.filters().forEach((k, v) -> filters.add(k + ": " + v));
        List<KpiTile> kpis = doc.kpis().stream().map(k -> new KpiTile(k.label(), text.text(k.kind(),
                k.kind() == Table.Kind.INTEGER && k.value() != null ? (Object) k.value().longValue() : k.value()),
                doc.type().equals(ReportType.SALES_SUMMARY.id()), text.change(k.changeVsPrevious()), CellText.trend(k.changeVsPrevious()),
                text.change(k.changeVsLastYear()), CellText.trend(k.changeVsLastYear()))).toList();
        List<ChartView> charts = doc.charts().stream().filter(c -> !c.bars().isEmpty())
                .map(c -> chart(c, text)).toList();
        List<TableView> tables = doc.tables().stream().map(t -> table(t, text)).toList();
        String asOf = doc.asOf() == null ? "no completed nightly run yet"
                : app.phare.common.Display.dateTime(doc.asOf(), doc.zone(), doc.locale());
        return new View(doc.title(), doc.tenantName(), doc.from().format(date) + " \u2013 " + doc.to().format(date),
                filters, asOf, doc.notes(), kpis, charts, tables);
    }

    private static ChartView chart(ReportDocument.Chart chart, CellText text) {
        BigDecimal max = chart.bars().stream().map(b -> b.value().abs()).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        int full = chart.horizontal() ? 100 : COLUMN_CHART_MM;
        int every = Math.max(1, (int) Math.ceil(chart.bars().size() / 16.0));
        java.text.NumberFormat compact = java.text.NumberFormat.getCompactNumberInstance(text.locale(), java.text.NumberFormat.Style.SHORT);
        compact.setMaximumFractionDigits(2);
        List<BarView> bars = new ArrayList<>();
        for (int i = 0; i < chart.bars().size(); i++) {
            ReportDocument.Bar b = chart.bars().get(i);
            int size = max.signum() == 0 ? 0 : b.value().abs().multiply(BigDecimal.valueOf(full))
                    .divide(max, 0, RoundingMode.HALF_UP).intValue();
            bars.add(new BarView(b.label(), text.text(Table.Kind.MONEY, b.value()), compact.format(b.value().round(new java.math.MathContext(3)).doubleValue()), size,
                    b.value().signum() < 0, chart.horizontal() || i % every == 0));
        }
        int n = chart.bars().size();
        return new ChartView(chart.title(), chart.horizontal(), Math.min(100, Math.max(24, n * 8)), n <= 16, bars);
    }

    private static TableView table(Table table, CellText text) {
        List<CellView> headers = table.columns().stream().map(c -> new CellView(c.header(), c.kind() != Table.Kind.TEXT)).toList();
        List<List<CellView>> rows = table.rows().stream().limit(MAX_ROWS).map(row -> {
            List<CellView> cells = new ArrayList<>();
            for (int c = 0; c < table.columns().size(); c++) {
                Object value = c < row.size() ? row.get(c) : null;
                Table.Kind kind = Table.kindOf(table.columns().get(c), value);
                cells.add(new CellView(text.text(kind, Table.valueOf(value)), kind != Table.Kind.TEXT));
            }
            return cells;
        }).toList();
        String note = table.rows().isEmpty() ? "Nothing in this period."
                : table.rows().size() > MAX_ROWS ? "The first " + MAX_ROWS + " of " + table.rows().size()
                + " rows; the XLSX and CSV files have them all." : null;
        return new TableView(table.title(), headers.size() > 8, headers, rows, note);
    }
}
