package app.phare.benchmark;

import app.phare.ingest.XlsxRows;

import java.nio.file.Path;

/** Reads every row of a workbook with Phare's streaming reader and prints how many; run in a JVM with a small heap. */
public final class ReadWorkbook {

    private ReadWorkbook() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 0, cells = 0;
        try (XlsxRows reader = new XlsxRows(Path.of(args[0]), null, ".", 0)) {
            while (reader.next()) {
                rows++;
                cells += reader.size();
            }
        }
        System.out.println("rows=" + rows + " cells=" + cells);
    }
}
