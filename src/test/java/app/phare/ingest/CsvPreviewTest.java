package app.phare.ingest;

import app.phare.source.SourceFormatBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static app.phare.source.SourceFormatBuilder.aFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The preview of a sample file and the guessed column mapping shown while setting up a source. */
class CsvPreviewTest {

    private static final String ONLINE_RETAIL = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
            + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n";

    private static CsvPreview preview(byte[] sample, SourceFormatBuilder format, int maxRows) {
        return CsvPreview.read(new ByteArrayInputStream(sample), format.build(), maxRows);
    }

    private static CsvPreview preview(String sample) {
        return preview(sample.getBytes(StandardCharsets.UTF_8), aFormat(), 8);
    }

    @Test
    void guessesMappingOfOnlineRetailExport() {
        CsvPreview preview = preview(ONLINE_RETAIL);
        assertThat(preview.error()).isNull();
        assertThat(preview.guessedMapping()).containsOnly(
                entry("orderId", "InvoiceNo"), entry("orderedAt", "InvoiceDate"), entry("sku", "StockCode"),
                entry("description", "Description"), entry("quantity", "Quantity"), entry("unitPrice", "UnitPrice"),
                entry("customerId", "CustomerID"), entry("country", "Country"));
    }

    @Test
    void guessesMappingOfSnakeCaseHeader() {
        CsvPreview preview = preview("order_id,ordered_at,sku,description,quantity,unit_price,customer_id,country,channel\n");
        assertThat(preview.guessedMapping()).containsOnly(
                entry("orderId", "order_id"), entry("orderedAt", "ordered_at"), entry("sku", "sku"),
                entry("description", "description"), entry("quantity", "quantity"), entry("unitPrice", "unit_price"),
                entry("customerId", "customer_id"), entry("country", "country"), entry("channel", "channel"));
    }

    @Test
    void leavesUnknownColumnsUnmapped() {
        assertThat(preview("foo,bar,qty\n").guessedMapping()).containsExactly(entry("quantity", "qty"));
    }

    @Test
    void showsColumnsAndFirstRows() {
        CsvPreview preview = preview(ONLINE_RETAIL);
        assertThat(preview.columns()).containsExactly("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID", "Country");
        assertThat(preview.rows()).containsExactly(List.of("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6",
                "12/1/2010 8:26", "2.55", "17850", "United Kingdom"));
    }

    @Test
    void stopsAfterMaxRows() {
        byte[] sample = ("a,b\n" + "1,2\n".repeat(50)).getBytes(StandardCharsets.UTF_8);
        assertThat(preview(sample, aFormat(), 8).rows()).hasSize(8);
    }

    @Test
    void numbersColumnsOfFileWithoutHeaderAndGuessesNothing() {
        CsvPreview preview = preview("1,2\n3,4,5\n".getBytes(StandardCharsets.UTF_8), aFormat().withoutHeader(), 8);
        assertThat(preview.columns()).containsExactly("1", "2", "3");
        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.guessedMapping()).isEmpty();
    }

    @Test
    void readsGzipCompressedSample() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(ONLINE_RETAIL.getBytes(StandardCharsets.UTF_8));
        }
        CsvPreview preview = preview(out.toByteArray(), aFormat(), 8);
        assertThat(preview.error()).isNull();
        assertThat(preview.guessedMapping()).containsEntry("orderId", "InvoiceNo");
    }

    @Test
    void explainsSampleThatIsNotValidInTheEncoding() {
        byte[] sample = "sku,description\nA,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvPreview preview = preview(sample, aFormat(), 8);
        assertThat(preview.error()).contains("not valid UTF-8 text").contains("encoding");
        assertThat(preview.columns()).isEmpty();
        assertThat(preview.guessedMapping()).isEmpty();
    }

    @Test
    void readsTheSameSampleInWindows1252() {
        byte[] sample = "sku,description\nA,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(preview(sample, aFormat().encoding("windows-1252"), 8).rows()).containsExactly(List.of("A", "Café"));
    }

    @Test
    void explainsEmptySample() {
        assertThat(preview("").error()).isEqualTo("The sample file is empty.");
    }

    @Test
    void explainsCorruptGzipSample() {
        byte[] sample = {0x1f, (byte) 0x8b, 8, 0};
        assertThat(preview(sample, aFormat(), 8).error()).startsWith("The sample could not be read");
    }

    @Test
    void guessesFromShortColumnNames() {
        Map<String, String> guessed = CsvPreview.guess(List.of("order", "date", "item", "price", "qty", "customer"));
        assertThat(guessed.values()).doesNotHaveDuplicates();
        assertThat(guessed).contains(entry("orderId", "order"), entry("orderedAt", "date"), entry("sku", "item"));
    }
}
