package app.phare.common;

/** Checks a list size asked for in a query. */
public final class Limits {

    private Limits() {
    }

    /** The limit asked for, or the default when none; 400 naming the parameter when out of 1..max. */
    public static int of(Integer asked, String name, int fallback, int max) {
        if (asked == null) {
            return fallback;
        }
        if (asked < 1 || asked > max) {
            throw ProblemException.badRequest(name, name + " must be between 1 and " + max + ", was " + asked);
        }
        return asked;
    }
}
