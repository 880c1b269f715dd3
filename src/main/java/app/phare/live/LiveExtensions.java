package app.phare.live;

import io.quarkus.qute.TemplateExtension;

/** Display helpers of the live pages, null-safe ({@code live:drift(pct)}). */
@TemplateExtension(namespace = "live")
public class LiveExtensions {

    /** A drift percentage with its sign, or "no batch figure" when there was nothing to compare against. */
    public static String drift(Double pct) {
        return Reconciliation.pctText(pct);
    }
}
