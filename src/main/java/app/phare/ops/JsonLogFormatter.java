package app.phare.ops;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON object per log line: time, level, logger, thread, message, the diagnostic context (tenant, traceId,
 * spanId when a request, run or trace sets them) and the exception, for log collectors.
 */
public class JsonLogFormatter extends ExtFormatter {

    @Override
    public String format(ExtLogRecord r) {
        StringBuilder s = new StringBuilder(256).append('{');
        field(s, "time", Instant.ofEpochMilli(r.getMillis()).toString());
        field(s, "level", r.getLevel().getName());
        field(s, "logger", r.getLoggerName());
        field(s, "thread", r.getThreadName());
        field(s, "message", formatMessage(r));
        for (Map.Entry<String, String> e : new TreeMap<>(r.getMdcCopy()).entrySet()) {
            field(s, e.getKey(), e.getValue());
        }
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            field(s, "exception", trace.toString());
        }
        s.setLength(s.length() - 1);
        return s.append("}\n").toString();
    }

    private static void field(StringBuilder s, String name, String value) {
        if (value == null) {
            return;
        }
        quote(s, name).append(':');
        quote(s, value).append(',');
    }

    private static StringBuilder quote(StringBuilder s, String v) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"');
    }
}
