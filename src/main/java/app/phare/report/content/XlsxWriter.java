package app.phare.report.content;

import app.phare.common.SpreadsheetText;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a report as an XLSX workbook (streaming, for large tables): a first sheet saying what the report covers,
 * then one sheet per table with a frozen header row, real number and date cells with number formats, and column
 * widths fitted to the content. Text goes through {@link SpreadsheetText}.
 */
final class XlsxWriter {

    private static final int ROWS_IN_MEMORY = 200;
    private static final int MAX_WIDTH = 60;

    private XlsxWriter() {
    }

    static byte[] write(ReportDocument doc) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            Map<Table.Kind, CellStyle> styles = styles(wb);
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            Set<String> names = new HashSet<>();
            writeTable(wb, names, styles, header, about(doc));
            for (Table table : doc.allTables()) {
                writeTable(wb, names, styles, header, table);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sheet: title, tenant, period, filters, data as-of and notes. */
    private static Table about(ReportDocument doc) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(java.util.Arrays.asList("Report", doc.title()));
        rows.add(java.util.Arrays.asList("Company", doc.tenantName()));
        rows.add(java.util.Arrays.asList("From", new Table.Cell(Table.Kind.DATE, doc.from())));
        rows.add(java.util.Arrays.asList("To", new Table.Cell(Table.Kind.DATE, doc.to())));
        rows.add(java.util.Arrays.asList("Currency", doc.currency()));
        doc.filters().forEach((k, v) -> rows.add(java.util.Arrays.asList(k, v)));
        rows.add(java.util.Arrays.asList("Data as of", doc.asOf() == null ? "no completed nightly run"
                : doc.asOf().atZone(doc.zone()).toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        doc.notes().forEach(n -> rows.add(java.util.Arrays.asList("Note", n)));
        return new Table("Report", doc.title(), List.of(Table.text("About"), Table.text("")), rows);
    }

    private static void writeTable(SXSSFWorkbook wb, Set<String> names, Map<Table.Kind, CellStyle> styles,
                                   CellStyle headerStyle, Table table) {
        SXSSFSheet sheet = wb.createSheet(uniqueName(names, table.name()));
        int[] widths = new int[table.columns().size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.columns().size(); c++) {
            String title = table.columns().get(c).header();
            Cell cell = header.createCell(c);
            cell.setCellValue(SpreadsheetText.safe(title));
            cell.setCellStyle(headerStyle);
            widths[c] = title.length() + 2;
        }
        int r = 1;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size() && c < widths.length; c++) {
                Object value = Table.valueOf(values.get(c));
                if (value == null) {
                    continue;
                }
                Table.Kind kind = Table.kindOf(table.columns().get(c), values.get(c));
                Cell cell = row.createCell(c);
                int width;
                if (value instanceof BigDecimal d) {
                    cell.setCellValue(d.doubleValue());
                    width = d.toPlainString().length() + 4;
                } else if (value instanceof Long n) {
                    cell.setCellValue(n);
                    width = Long.toString(n).length() + 3;
                } else if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                    width = 12;
                } else {
                    String text = SpreadsheetText.safe(value.toString());
                    cell.setCellValue(text);
                    width = text.length() + 2;
                    kind = Table.Kind.TEXT;
                }
                cell.setCellStyle(styles.get(kind));
                widths[c] = Math.max(widths[c], width);
            }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, widths[c]) * 256);
        }
    }

    private static Map<Table.Kind, CellStyle> styles(SXSSFWorkbook wb) {
        Map<Table.Kind, CellStyle> styles = new EnumMap<>(Table.Kind.class);
        for (Table.Kind kind : Table.Kind.values()) {
            CellStyle style = wb.createCellStyle();
            String format = switch (kind) {
                case TEXT -> "@";
                case DATE -> "yyyy-mm-dd";
                case MONTH -> "mmm yyyy";
                case INTEGER -> "#,##0";
                case MONEY -> "#,##0.00";
                case DECIMAL -> "General";
                case PERCENT -> "0.0%";
            };
            style.setDataFormat(wb.createDataFormat().getFormat(format));
            styles.put(kind, style);
        }
        return styles;
    }

    private static String uniqueName(Set<String> names, String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted);
        String name = base;
        for (int i = 2; !names.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " " + i;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
