package app.phare.report.content;

/** Progress callback: stage text and percent 0–100 (called a few times while building/rendering). */
@FunctionalInterface
public interface Progress {

    /** A callback that ignores progress. */
    Progress NONE = (stage, percent) -> {
    };

    void at(String stage, int percent);
}
