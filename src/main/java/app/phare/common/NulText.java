package app.phare.common;

/**
 * Text with a NUL character (U+0000), which PostgreSQL cannot store in a text column: refused at the edge with a 400
 * naming the field (JSON bodies, path, query and form parameters, upload names, live events).
 */
public final class NulText {

    /** Why such text is refused, after the field's name. */
    public static final String REASON = "contains a NUL character (\\u0000), which Phare cannot store";

    private NulText() {
    }

    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** The text unchanged, or a 400 naming the field when it holds a NUL character. */
    public static String refused(String field, String text) {
        if (in(text)) {
            throw ProblemException.badRequest(field, field + " " + REASON);
        }
        return text;
    }
}
