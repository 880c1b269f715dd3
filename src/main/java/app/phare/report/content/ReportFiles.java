package app.phare.report.content;

import java.text.Normalizer;
import java.util.Locale;

/** File names of reports: ASCII, lower case, no spaces. */
final class ReportFiles {

    private ReportFiles() {
    }

    /** phare-sales-summary-2011-01-01_2011-12-31.xlsx */
    static String name(CheckedSpec spec, String extension) {
        return "phare-" + spec.type().id() + "-" + spec.from() + "_" + spec.to() + "." + extension;
    }

    /** "Revenue by month" → "revenue-by-month". */
    static String slug(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "table" : slug;
    }
}
