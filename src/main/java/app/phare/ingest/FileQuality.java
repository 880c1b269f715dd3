package app.phare.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the data of one file looked like, for the data-quality report: empty values per mapped field, values outside
 * expectations (a check and how many lines failed it), and the file's header (for schema drift).
 */
public final class FileQuality {

    private final String[] fields;
    private final long[] empty;
    private final Map<String, Long> checks = new LinkedHashMap<>();
    private List<String> header = List.of();
    private long observed;

    public FileQuality(String[] fields) {
        this.fields = fields;
        this.empty = new long[fields.length];
    }

    /** Counts the empty values of a record as read. */
    public void observe(String[] values) {
        observed++;
        for (int i = 0; i < values.length && i < empty.length; i++) {
            String v = values[i];
            if (v == null || v.isBlank()) {
                empty[i]++;
            }
        }
    }

    /** One line failed an expectation (kept, but worth knowing): e.g. "negative spend". */
    public void note(String check) {
        checks.merge(check, 1L, Long::sum);
    }

    void header(List<String> header) {
        this.header = new ArrayList<>(header);
    }

    public List<String> header() {
        return header;
    }

    /** Share of empty values per mapped field (fields not mapped are left out). */
    public Map<String, Double> nullRates(java.util.Set<String> mapped) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (mapped.contains(fields[i])) {
                rates.put(fields[i], observed == 0 ? 0.0 : Math.round(empty[i] * 10_000.0 / observed) / 10_000.0);
            }
        }
        return rates;
    }

    public Map<String, Long> checks() {
        return checks;
    }
}
