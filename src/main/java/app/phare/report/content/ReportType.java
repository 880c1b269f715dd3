package app.phare.report.content;

/** The kinds of report, by the id the API uses. */
enum ReportType {
    SALES_SUMMARY("sales-summary", "Sales summary", true),
    QUARTERLY_TRENDS("quarterly-trends", "Quarterly trends", true),
    MARKETING("marketing", "Marketing performance", false),
    PIPELINE("pipeline", "Sales pipeline", false);

    private final String id;
    private final String title;
    private final boolean filterable;

    ReportType(String id, String title, boolean filterable) {
        this.id = id;
        this.title = title;
        this.filterable = filterable;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    /** Whether the country and channel filters apply. */
    boolean filterable() {
        return filterable;
    }

    static ReportType of(String id) {
        for (ReportType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
