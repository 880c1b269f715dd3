package app.phare.report.content;

import java.util.List;

/**
 * One table of a report, as the writers see it: a short name (sheet and file name), a title, typed columns and rows of
 * values. Values are String, LocalDate, Long, BigDecimal, null, or a {@link Cell} whose kind overrides the column's (a table
 * of KPIs mixes money, counts and rates in one column); a Long is always a count.
 */
public record Table(String name, String title, List<Column> columns, List<List<Object>> rows) {

    /** How a column's values are typed and formatted. MONTH holds the first day of the month. */
    public enum Kind { TEXT, DATE, MONTH, INTEGER, MONEY, DECIMAL, PERCENT }

    /** A column: its header and kind. */
    public record Column(String header, Kind kind) {
    }

    /** A value with its own kind. */
    public record Cell(Kind kind, Object value) {
    }

    /** The kind a value is written as in a column. */
    public static Kind kindOf(Column column, Object value) {
        if (value instanceof Cell c) {
            return c.kind();
        }
        return value instanceof Long ? Kind.INTEGER : column.kind();
    }

    /** The bare value. */
    public static Object valueOf(Object value) {
        return value instanceof Cell c ? c.value() : value;
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column column(String header, Kind kind) {
        return new Column(header, kind);
    }
}
