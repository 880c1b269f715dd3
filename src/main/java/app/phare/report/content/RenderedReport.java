package app.phare.report.content;

/** The rendered file. */
public record RenderedReport(byte[] bytes, String contentType, String fileName) {
}
