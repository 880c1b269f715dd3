package app.phare.source;

import app.phare.common.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which column of the export holds each field of an order line: a header name, or a 1-based column number
 * for files without a header. description, customerId, country and channel are optional.
 */
public record SourceMapping(String orderId,
                            String orderedAt,
                            String sku,
                            String description,
                            String quantity,
                            String unitPrice,
                            String customerId,
                            String country,
                            String channel) {

    /** Field name → column, in the product's field order, leaving out unmapped optional fields. */
    public Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "orderId", orderId);
        put(m, "orderedAt", orderedAt);
        put(m, "sku", sku);
        put(m, "description", description);
        put(m, "quantity", quantity);
        put(m, "unitPrice", unitPrice);
        put(m, "customerId", customerId);
        put(m, "country", country);
        put(m, "channel", channel);
        return m;
    }

    private static void put(Map<String, String> m, String field, String column) {
        if (column != null && !column.isBlank()) {
            m.put(field, column.trim());
        }
    }

    public SourceMapping validate(boolean header) {
        require("orderId", orderId);
        require("orderedAt", orderedAt);
        require("sku", sku);
        require("quantity", quantity);
        require("unitPrice", unitPrice);
        if (!header) {
            columns().forEach((field, column) -> {
                if (!column.matches("[1-9][0-9]{0,3}")) {
                    throw ProblemException.badRequest("mapping." + field,
                            "without a header line, columns are numbered from 1; '" + column + "' is not a column number");
                }
            });
        }
        return this;
    }

    private static void require(String field, String column) {
        if (column == null || column.isBlank()) {
            throw ProblemException.badRequest("mapping." + field, "mapping." + field + " is required: name the export's column that holds it");
        }
    }
}
