package app.phare.ops;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Carries Phare's identifiers across asynchronous hops: they travel as OpenTelemetry baggage (the messaging and HTTP
 * propagators carry it), and every span started under them gets them as attributes.
 */
@ApplicationScoped
public class Tracing implements SpanProcessor {

    public static final String TENANT = "phare.tenant";
    public static final String RUN = "phare.run_id";
    public static final String REPORT = "phare.report_id";

    /** The current span as a W3C traceparent, or null when nothing is traced. */
    public static String traceparent() {
        io.opentelemetry.api.trace.SpanContext c = io.opentelemetry.api.trace.Span.current().getSpanContext();
        return c.isValid() ? "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex() : null;
    }

    /** A context whose parent is the remote span of a traceparent (the current context when there is none). */
    public static Context remoteParent(String traceparent) {
        if (traceparent == null) {
            return Context.current();
        }
        String[] p = traceparent.split("-");
        if (p.length != 4) {
            return Context.current();
        }
        io.opentelemetry.api.trace.SpanContext remote = io.opentelemetry.api.trace.SpanContext.createFromRemoteParent(
                p[1], p[2], io.opentelemetry.api.trace.TraceFlags.fromHex(p[3], 0), io.opentelemetry.api.trace.TraceState.getDefault());
        return remote.isValid() ? Context.current().with(io.opentelemetry.api.trace.Span.wrap(remote)) : Context.current();
    }

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        Baggage baggage = Baggage.fromContext(parent);
        for (String key : new String[]{TENANT, RUN, REPORT}) {
            String value = baggage.getEntryValue(key);
            if (value != null && span.getAttribute(io.opentelemetry.api.common.AttributeKey.longKey(key)) == null) {
                try {
                    span.setAttribute(key, Long.parseLong(value));
                } catch (NumberFormatException e) {
                    span.setAttribute(key, value);
                }
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
