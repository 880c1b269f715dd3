package app.phare.common;

/** A request Phare refuses, with the HTTP status, a title, a detail for the user and the offending field if any. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private Long runId;

    public ProblemException(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Invalid request", detail, field);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist", null);
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, field);
    }

    /** A job already has a run queued or running: 409 naming that run. */
    public static ProblemException runUnderWay(String job, long runId) {
        ProblemException e = new ProblemException(409, "Run under way",
                "job '" + job + "' already has run " + runId + " queued or running; wait for it to finish", null);
        e.runId = runId;
        return e;
    }

    public Long runId() {
        return runId;
    }

    public Problem problem() {
        return Problem.of(status, title, getMessage(), field).withRunId(runId);
    }

    public int status() {
        return status;
    }
}
