package app.phare.source;

import app.phare.common.ProblemException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which column of the export holds each field of the source's kind: a header name, a 1-based column number for files
 * without a header, or "=text" for a value the file does not carry (e.g. "platform": "=Facebook"). In JSON, an
 * object of field → column.
 */
public final class SourceMapping {

    private final Map<String, String> columns;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SourceMapping(Map<String, String> columns) {
        Map<String, String> m = new LinkedHashMap<>();
        if (columns != null) {
            columns.forEach((field, column) -> {
                if (column != null && !column.isBlank()) {
                    m.put(field, column.trim());
                }
            });
        }
        this.columns = Collections.unmodifiableMap(m);
    }

    /** An orders mapping, field by field (optional ones may be null). */
    public static SourceMapping orders(String orderId, String orderedAt, String sku, String description, String quantity,
                                       String unitPrice, String customerId, String country, String channel) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("orderId", orderId);
        m.put("orderedAt", orderedAt);
        m.put("sku", sku);
        m.put("description", description);
        m.put("quantity", quantity);
        m.put("unitPrice", unitPrice);
        m.put("customerId", customerId);
        m.put("country", country);
        m.put("channel", channel);
        return new SourceMapping(m);
    }

    /** Field name → column, leaving out unmapped fields. */
    @JsonValue
    public Map<String, String> columns() {
        return columns;
    }

    public String get(String field) {
        return columns.get(field);
    }

    /** Checks the mapping against its kind: known fields only, required ones present, column numbers without a header. */
    public SourceMapping validate(SourceKind kind, boolean header) {
        for (String field : columns.keySet()) {
            if (kind.fields().stream().noneMatch(f -> f.name().equals(field))) {
                throw ProblemException.badRequest("mapping." + field, "a " + kind + " source has no field " + field
                        + "; its fields are " + String.join(", ", kind.fieldNames()));
            }
        }
        for (SourceKind.Field f : kind.fields()) {
            if (f.required() && !columns.containsKey(f.name())) {
                throw ProblemException.badRequest("mapping." + f.name(),
                        "mapping." + f.name() + " is required: name the export's column that holds it");
            }
        }
        if (kind == SourceKind.orders && !columns.containsKey("unitPrice") && !columns.containsKey("lineAmount")) {
            throw ProblemException.badRequest("mapping.unitPrice",
                    "mapping.unitPrice is required (or mapping.lineAmount, a line total the unit price is derived from)");
        }
        if (!header) {
            columns.forEach((field, column) -> {
                if (!column.startsWith("=") && !column.matches("[1-9][0-9]{0,3}")) {
                    throw ProblemException.badRequest("mapping." + field,
                            "without a header line, columns are numbered from 1; '" + column + "' is not a column number");
                }
            });
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceMapping m && m.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
