package app.phare.report.content;

import app.phare.common.SpreadsheetText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes report tables as UTF-8 CSV (RFC 4180, with a byte order mark so spreadsheets read it as UTF-8): numbers
 * plain and unquoted (percentages as percent values, "12.5" for 12.5%), dates as YYYY-MM-DD, months as YYYY-MM, text
 * neutralised by {@link SpreadsheetText} and quoted when needed. Several tables go into a zip, one CSV each.
 */
final class CsvWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvWriter() {
    }

    static byte[] csv(Table table) {
        StringBuilder b = new StringBuilder();
        List<Table.Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            Table.Column column = columns.get(c);
            b.append(c == 0 ? "" : ",").append(text(column.kind() == Table.Kind.PERCENT ? column.header() + " (%)" : column.header()));
        }
        b.append("\r\n");
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < columns.size(); c++) {
                Object value = c < row.size() ? row.get(c) : null;
                b.append(c == 0 ? "" : ",").append(value(Table.kindOf(columns.get(c), value), Table.valueOf(value)));
            }
            b.append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length() + 16);
        out.writeBytes(BOM);
        out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** One CSV per table, named by position and table name. */
    static byte[] zip(List<Table> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < tables.size(); i++) {
                zip.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "%02d-%s.csv", i + 1, ReportFiles.slug(tables.get(i).name()))));
                zip.write(csv(tables.get(i)));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String value(Table.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            BigDecimal shown = kind == Table.Kind.PERCENT ? d.movePointRight(2) : d;
            return shown.toPlainString();
        }
        if (value instanceof Long n) {
            return Long.toString(n);
        }
        if (value instanceof LocalDate d) {
            return kind == Table.Kind.MONTH ? d.toString().substring(0, 7) : d.toString();
        }
        return text(value.toString());
    }

    private static String text(String raw) {
        String s = SpreadsheetText.safe(raw);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
