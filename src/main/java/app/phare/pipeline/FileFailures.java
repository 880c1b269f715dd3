package app.phare.pipeline;

import app.phare.ingest.FileUnreadableException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Why a file (or a pull) failed, in words for the person who sent it, and whether a failure is the file's own or
 * the database's (then the whole attempt is tried again). Messages never show this server's paths.
 */
final class FileFailures {

    /** Two or more segments of an absolute path: /tmp/phare-workbook-1.xlsx, /srv/phare/data/uploads/… */
    private static final Pattern PATH = Pattern.compile("(?<![\\w:/])/(?:[\\w.@+~-]+/)+[\\w.@+~-]*");

    private FileFailures() {
    }

    /**
     * Whether the database refused something the file holds (SQLSTATE class 22 data exception, 23 integrity, 54
     * program limit) rather than failing itself (a lost connection, a serialization failure, a shutdown).
     */
    static boolean isTheFilesFault(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String c = s.getSQLState().length() >= 2 ? s.getSQLState().substring(0, 2) : "";
                return c.equals("22") || c.equals("23") || c.equals("54");
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        if (e instanceof FileUnreadableException) {
            return withoutPaths(e.getMessage());
        }
        if (e instanceof NoSuchFileException) {
            return "the stored copy of the file is missing from Phare's data directory; upload the file again";
        }
        if (e instanceof SQLException s) {
            String first = String.valueOf(s.getMessage()).lines().findFirst().orElse("").replaceFirst("^ERROR:\\s*", "");
            return "a value in the file could not be stored: " + withoutPaths(first);
        }
        if (e instanceof app.phare.ingest.PullClient.PullFailed) {
            return withoutPaths(e.getMessage());
        }
        if (e instanceof IOException) {
            return "the file could not be read: " + withoutPaths(String.valueOf(e.getMessage()));
        }
        if (e instanceof ArithmeticException) {
            return "the file's amounts add up beyond what Phare can sum exactly: is a quantity or a price far too large?";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return "the file could not be read (an unexpected problem in Phare, reported in its log: " + withoutPaths(message) + ")";
    }

    /** Why a pull failed: the API's answer, the connection, or a request the HTTP client would not send. */
    static String describePull(Throwable e) {
        if (e instanceof app.phare.ingest.PullClient.PullFailed) {
            return withoutPaths(e.getMessage());
        }
        if (e instanceof IOException) {
            return "the connection failed: " + withoutPaths(String.valueOf(e.getMessage()));
        }
        return "the request could not be sent (" + withoutPaths(String.valueOf(e.getMessage()))
                + "); check the source's URL and headers";
    }

    static String withoutPaths(String message) {
        if (message == null) {
            return null;
        }
        String m = PATH.matcher(message).replaceAll("…");
        return m.length() > 1000 ? m.substring(0, 1000) + "…" : m;
    }
}
