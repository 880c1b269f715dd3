package app.phare.source;

/** Whether a source's files load (active), wait (paused: its uploads stay pending, its pulls stop), or are set aside (archived). */
public enum SourceStatus {
    active, paused, archived
}
