package app.phare.ingest;

import app.phare.testing.Api;
import app.phare.testing.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel workbooks: the first 10,000 lines of the online-retail export as an .xlsx (real date and number cells, a
 * named sheet after another one, a title above the header) give the same monthly figures as the same lines as CSV;
 * oversized cells and zip bombs are refused with the reason.
 */
@QuarkusTest
class ExcelWorkbookTest {

    @Test
    void aWorkbookGivesTheSameFiguresAsTheSameLinesAsCsv() throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(SharedData.onlineRetail(), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && lines.size() <= 10_000; line = in.readLine()) {
                lines.add(line);
            }
        }
        byte[] csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] xlsx = workbook(lines);

        Api.TestTenant fromCsv = Api.aTenant("Europe/London", "GBP", "en-GB");
        Api.upload(fromCsv, Api.anOrdersSource(fromCsv, Api.onlineRetailMapping(), null), csv);
        Api.runNightly(fromCsv);

        Api.TestTenant fromXlsx = Api.aTenant("Europe/London", "GBP", "en-GB");
        long source = Api.anOrdersSource(fromXlsx, Api.onlineRetailMapping(), Map.of("sheet", "Orders", "skipRows", 2));
        Api.upload(fromXlsx, source, xlsx);
        long run = Api.runNightly(fromXlsx);
        assertThat(fromXlsx.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getList("files.status"))
                .as(fromXlsx.asAdmin().get("/api/runs/" + run).asString()).containsExactly("processed");

        String query = "/api/metrics/sales?from=2010-12-01&to=2011-12-31&grain=month";
        List<Object> expected = fromCsv.asManager().get(query).then().statusCode(200).extract().jsonPath().getList("rows");
        assertThat(expected).isNotEmpty();
        assertThat(fromXlsx.asManager().get(query).then().statusCode(200).extract().jsonPath().getList("rows"))
                .isEqualTo(expected);
        String byCountry = "/api/metrics/sales?from=2010-12-01&to=2011-12-31&grain=day&by=country";
        assertThat(fromXlsx.asManager().get(byCountry).then().extract().jsonPath().getList("rows"))
                .isEqualTo(fromCsv.asManager().get(byCountry).then().extract().jsonPath().getList("rows"));
        assertThat(fromXlsx.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getInt("steps[0].rowsRead"))
                .isEqualTo(10_000);
    }

    @Test
    void oversizedCellsAndZipBombsAreRefusedWithTheReason() throws Exception {
        Api.TestTenant t = Api.aTenant();
        long source = Api.anOrdersSource(t, Api.plainMapping(), null);
        // a cell beyond Excel's own limit (written by hand: Excel itself refuses to write one)
        String big = "x".repeat(40_000);
        Api.upload(t, source, rawWorkbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + big + "</t></is></c></row>", 0));
        // a sheet that inflates a thousandfold and more
        Api.upload(t, source, rawWorkbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + " ".repeat(30_000_000)
                + "</t></is></c></row>", 1));
        long run = Api.runNightly(t);
        List<Map<String, Object>> files = t.asAdmin().get("/api/runs/" + run).then().extract().jsonPath().getList("files");
        assertThat(files).extracting(f -> f.get("status")).containsOnly("failed");
        assertThat((String) files.get(0).get("error")).contains("cell A1 holds 40000 characters, more than Excel's limit of 32767");
        assertThat((String) files.get(1).get("error")).contains("zip bomb");
    }

    /** The lines as a workbook: a first sheet of notes, then sheet "Orders" with a title row and a blank row above the header. */
    private static byte[] workbook(List<String> lines) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Exported from the shop");
            Sheet sheet = wb.createSheet("Orders");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            sheet.createRow(0).createCell(0).setCellValue("Online retail orders, first 10,000 lines");
            int r = 2;
            for (int i = 0; i < lines.size(); i++) {
                List<String> fields = csvFields(lines.get(i));
                Row row = sheet.createRow(r++);
                for (int c = 0; c < fields.size(); c++) {
                    String v = fields.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (i > 0 && c == 4) {
                        cell.setCellValue(LocalDateTime.parse(v.replace(' ', 'T')));
                        cell.setCellStyle(dateStyle);
                    } else if (i > 0 && (c == 3 || c == 5 || c == 6)) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    /** A minimal workbook with one sheet of the given rows; compression level 9 for the bomb. */
    private static byte[] rawWorkbook(String rows, int variant) throws Exception {
        Map<String, String> parts = new HashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + rows + "</sheetData></worksheet>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.setLevel(9);
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Splits a CSV line of the export (quoted fields may hold commas). */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
