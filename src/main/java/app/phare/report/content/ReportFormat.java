package app.phare.report.content;

/** The file formats a report is rendered in. */
enum ReportFormat {
    PDF("pdf", "application/pdf"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8");

    static final String ZIP = "application/zip";

    private final String id;
    private final String contentType;

    ReportFormat(String id, String contentType) {
        this.id = id;
        this.contentType = contentType;
    }

    String id() {
        return id;
    }

    String contentType() {
        return contentType;
    }

    static ReportFormat of(String id) {
        for (ReportFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }
}
