package app.phare.source;

import java.util.Locale;
import java.util.Map;

/**
 * Kind-specific settings of a source: for CRM deals, which stage words mean open, won or lost (added to the
 * defaults); for products, other spellings of a sku or name (alias → sku), so that orders, deals and stock join.
 */
public record SourceOptions(Map<String, String> stages, Map<String, String> aliases, String driftPolicy, String discount) {

    public static final SourceOptions NONE = new SourceOptions(Map.of(), Map.of(), null, null);
    /** What a file whose columns changed against the source's previous file does: nothing, a warning, or fail. */
    public static final java.util.List<String> DRIFT_POLICIES = java.util.List.of("ignore", "warn", "fail");

    public SourceOptions {
        stages = stages == null ? Map.of() : Map.copyOf(stages);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        driftPolicy = driftPolicy == null || driftPolicy.isBlank() ? "warn" : driftPolicy.strip().toLowerCase(Locale.ROOT);
        discount = discount == null || discount.isBlank() ? "rate" : discount.strip().toLowerCase(Locale.ROOT);
    }

    /** Checks the stage words: each maps to open, won or lost. */
    public SourceOptions validate() {
        if (!discount.equals("rate") && !discount.equals("amount")) {
            throw app.phare.common.ProblemException.badRequest("options.discount",
                    "discount is a rate (0.15) or an amount off the line: 'rate' or 'amount', not '" + discount + "'");
        }
        if (!DRIFT_POLICIES.contains(driftPolicy)) {
            throw app.phare.common.ProblemException.badRequest("options.driftPolicy",
                    "driftPolicy must be one of " + DRIFT_POLICIES + ", not '" + driftPolicy + "'");
        }
        stages.forEach((word, status) -> {
            if (!java.util.List.of("open", "won", "lost").contains(status == null ? "" : status.toLowerCase(Locale.ROOT))) {
                throw app.phare.common.ProblemException.badRequest("options.stages." + word,
                        "stage '" + word + "' must map to open, won or lost, not '" + status + "'");
            }
        });
        return this;
    }

    /** open, won or lost for a stage word: the source's own words first, then common CRM words; anything else is open. */
    public String status(String stage) {
        for (Map.Entry<String, String> e : stages.entrySet()) {
            if (e.getKey().equalsIgnoreCase(stage.strip())) {
                return e.getValue().toLowerCase(Locale.ROOT);
            }
        }
        String s = stage.strip().toLowerCase(Locale.ROOT);
        if (s.equals("won") || s.equals("closed won") || s.equals("closed-won") || s.equals("win") || s.equals("gagné")) {
            return "won";
        }
        if (s.equals("lost") || s.equals("closed lost") || s.equals("closed-lost") || s.equals("lose") || s.equals("perdu")) {
            return "lost";
        }
        return "open";
    }
}
