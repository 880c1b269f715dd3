package app.phare.benchmark;

import app.phare.testing.SharedData;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large workbook (the online-retail export, over 50 MB as .xlsx) read by Phare's streaming reader in a JVM limited to
 * a 256 MB heap; the result goes to target/benchmark/workbook.md.
 */
class WorkbookBenchmark {

    @Test
    void aFiftyMegabyteWorkbookIsReadWithinA256MegabyteHeap() throws Exception {
        Path xlsx = Files.createTempFile("phare-big-", ".xlsx");
        long lines = 0;
        java.util.Random random = new java.util.Random(42);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
             BufferedReader in = Files.newBufferedReader(SharedData.onlineRetail(), StandardCharsets.UTF_8)) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet("Orders");
            int r = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Row row = sheet.createRow(r++);
                String[] f = line.split(",", -1);
                for (int c = 0; c < f.length; c++) {
                    row.createCell(c).setCellValue(f[c]);
                }
                // and the whole line again as a note, so that the workbook passes 50 MB
                row.createCell(f.length).setCellValue(line + " | " + line);
                row.createCell(f.length + 1).setCellValue(Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                        + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
                lines++;
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
            wb.dispose();
        }
        long size = Files.size(xlsx);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ReadWorkbook.class.getName(), xlsx.toString()).redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=" + lines);
        Path result = Path.of("target", "benchmark", "workbook.md");
        Files.createDirectories(result.getParent());
        Files.writeString(result, "# Workbook benchmark\n\nThe online-retail export as one sheet of " + lines + " rows: "
                + String.format("%.1f", size / 1e6) + " MB of .xlsx (" + (size > 50_000_000 ? "over" : "under") + " 50 MB), read by "
                + "XlsxRows in a JVM with -Xmx256m in " + millis + " ms: "
                + output.lines().filter(l -> l.startsWith("rows=")).findFirst().orElse(output) + "\n");
        System.out.println(Files.readString(result));
        Files.deleteIfExists(xlsx);
        assertThat(size).as("a workbook of over 50 MB").isGreaterThan(50_000_000);
    }
}
