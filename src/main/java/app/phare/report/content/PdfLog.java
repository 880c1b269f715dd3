package app.phare.report.content;

import com.openhtmltopdf.util.XRLogger;
import org.jboss.logging.Logger;

import java.util.logging.Level;

/** Sends Open HTML to PDF's log to the application's log, its chatty INFO lines at DEBUG. */
final class PdfLog implements XRLogger {

    private static final Logger LOG = Logger.getLogger("com.openhtmltopdf");

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        LOG.log(level(level), where + ": " + msg, th);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels come from the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(com.openhtmltopdf.util.Diagnostic diagnostic) {
        return LOG.isEnabled(level(diagnostic.getLevel()));
    }

    private static Logger.Level level(Level level) {
        int v = level.intValue();
        return v >= Level.SEVERE.intValue() ? Logger.Level.ERROR : v >= Level.WARNING.intValue() ? Logger.Level.WARN
                : v >= Level.INFO.intValue() ? Logger.Level.DEBUG : Logger.Level.TRACE;
    }
}
