package app.phare.ingest;

import app.phare.source.SourceFormatBuilder;
import app.phare.source.SourceMappingBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static app.phare.source.SourceFormatBuilder.aFormat;
import static app.phare.source.SourceMappingBuilder.aMapping;
import static app.phare.source.SourceMappingBuilder.aNumberedMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading orders exports into the product's fields, and failing clearly on files that cannot be read. */
class SourceFileReaderTest {

    private static final String HEADER = "order_id,ordered_at,sku,description,quantity,unit_price,customer_id,country,channel\n";
    private static final String LINE = "536365,2011-12-09 08:26:00,85123A,HEART,6,2.55,17850,United Kingdom,web\n";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static SourceFileReader open(byte[] bytes, SourceFormatBuilder format, SourceMappingBuilder mapping)
            throws IOException, FileUnreadableException {
        return new SourceFileReader(new ByteArrayInputStream(bytes), format.build(), mapping.build());
    }

    /** Every record of the file, as the values of the product's fields. */
    private static List<List<String>> readAll(byte[] bytes, SourceFormatBuilder format, SourceMappingBuilder mapping)
            throws IOException, FileUnreadableException {
        List<List<String>> records = new ArrayList<>();
        try (SourceFileReader reader = open(bytes, format, mapping)) {
            while (reader.next()) {
                assertThat(reader.shapeProblem()).isNull();
                // the nine fields these files map (line totals and discounts are not in them)
                records.add(Arrays.asList(Arrays.copyOf(reader.values(), 9)));
            }
        }
        return records;
    }

    private static List<String> fields(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void mapsColumnsByHeaderName() throws Exception {
        byte[] file = utf8("sku,qty,when,order,price,extra\n85123A,6,2011-12-09 08:26,536365,2.55,x\n");
        SourceMappingBuilder mapping = aMapping().orderId("order").orderedAt("when").sku("sku").quantity("qty")
                .unitPrice("price").description(null).customerId(null).country(null).channel(null);
        assertThat(readAll(file, aFormat(), mapping)).containsExactly(
                fields("536365", "2011-12-09 08:26", "85123A", null, "6", "2.55", null, null, null));
    }

    @Test
    void mapsColumnsByHeaderNameIgnoringCaseAndSurroundingSpaces() throws Exception {
        byte[] file = utf8(" Order_ID ,ORDERED_AT,Sku,Description,QUANTITY,Unit_Price,customer_id,Country,CHANNEL\n" + LINE);
        assertThat(readAll(file, aFormat(), aMapping())).containsExactly(
                fields("536365", "2011-12-09 08:26:00", "85123A", "HEART", "6", "2.55", "17850", "United Kingdom", "web"));
    }

    @Test
    void prefersExactHeaderMatchOverCaseInsensitiveOne() throws Exception {
        byte[] file = utf8("SKU,sku,order_id,ordered_at,quantity,unit_price\nwrong,right,1,2011-12-09,1,1\n");
        SourceMappingBuilder mapping = aMapping().description(null).customerId(null).country(null).channel(null);
        assertThat(readAll(file, aFormat(), mapping).get(0).get(2)).isEqualTo("right");
    }

    @Test
    void failsWhenMappedColumnIsMissingFromHeader() {
        byte[] file = utf8("order_id,ordered_at,sku,description,quantity,unit_price,customer_id,country\n" + LINE);
        assertThatThrownBy(() -> open(file, aFormat(), aMapping().channel("sales_channel")))
                .isInstanceOf(FileUnreadableException.class)
                .hasMessageContaining("'sales_channel'")
                .hasMessageContaining("channel)")
                .hasMessageContaining("it has order_id, ordered_at");
    }

    @Test
    void mapsColumnsByNumberWithoutHeader() throws Exception {
        byte[] file = utf8(LINE + "536366,2011-12-09 09:00:00,22423,CAKE STAND,-1,12.75,,France,\n");
        assertThat(readAll(file, aFormat().withoutHeader(), aNumberedMapping())).containsExactly(
                fields("536365", "2011-12-09 08:26:00", "85123A", "HEART", "6", "2.55", "17850", "United Kingdom", "web"),
                fields("536366", "2011-12-09 09:00:00", "22423", "CAKE STAND", "-1", "12.75", "", "France", ""));
    }

    @Test
    void readsGzipCompressedFileTransparently() throws Exception {
        byte[] file = gzip(utf8(HEADER + LINE + LINE));
        assertThat(readAll(file, aFormat(), aMapping())).hasSize(2)
                .allSatisfy(values -> assertThat(values.get(0)).isEqualTo("536365"));
    }

    @Test
    void failsOnGzipTruncatedInTheMiddle() throws Exception {
        byte[] whole = gzip(utf8(HEADER + LINE.repeat(2_000)));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> readAll(truncated, aFormat(), aMapping()))
                .isInstanceOf(FileUnreadableException.class).hasMessageContaining("truncated");
    }

    @Test
    void failsOnGzipTruncatedWithinItsHeader() throws Exception {
        byte[] truncated = Arrays.copyOf(gzip(utf8(HEADER + LINE)), 4);
        assertThatThrownBy(() -> readAll(truncated, aFormat(), aMapping())).isInstanceOf(FileUnreadableException.class);
    }

    @Test
    void failsOnCorruptGzipData() throws Exception {
        byte[] corrupt = gzip(utf8(HEADER + LINE.repeat(100)));
        Arrays.fill(corrupt, 12, corrupt.length - 8, (byte) 0xFF);
        assertThatThrownBy(() -> readAll(corrupt, aFormat(), aMapping()))
                .isInstanceOf(FileUnreadableException.class).hasMessageContaining("gzip");
    }

    @Test
    void failsOnCorruptGzipHeader() throws Exception {
        byte[] corrupt = gzip(utf8(HEADER + LINE));
        corrupt[2] = 7; // compression method: only 8 (deflate) exists
        assertThatThrownBy(() -> readAll(corrupt, aFormat(), aMapping()))
                .isInstanceOf(FileUnreadableException.class).hasMessageContaining("gzip");
    }

    @Test
    void failsOnBytesThatAreNotUtf8() {
        byte[] file = (HEADER + "536365,2011-12-09 08:26:00,85123A,Caf\u00e9,6,2.55,17850,France,web\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(file, aFormat(), aMapping()))
                .isInstanceOf(FileUnreadableException.class)
                .hasMessageContaining("not valid UTF-8 text")
                .hasMessageContaining("encoding");
    }

    @Test
    void readsTheSameBytesWithWindows1252() throws Exception {
        byte[] file = (HEADER + "536365,2011-12-09 08:26:00,85123A,Caf\u00e9,6,2.55,17850,France,web\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(readAll(file, aFormat().encoding("windows-1252"), aMapping()).get(0).get(3)).isEqualTo("Café");
    }

    @Test
    void failsOnFileWithNulBytes() {
        byte[] file = utf8(HEADER + "536365,2011\u0000-12-09,85123A,,6,2.55,,,\n");
        assertThatThrownBy(() -> readAll(file, aFormat(), aMapping()))
                .isInstanceOf(FileUnreadableException.class)
                .hasMessageContaining("not text")
                .hasMessageContaining("line 2");
    }

    @Test
    void failsOnSpreadsheetUploadedInsteadOfCsv() {
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, (byte) 0x9c, (byte) 0xfe, (byte) 0xc3, 0x7f, '\n', 1, 0};
        assertThatThrownBy(() -> readAll(xlsx, aFormat(), aMapping())).isInstanceOf(FileUnreadableException.class);
    }

    @Test
    void reportsLineWithTooFewColumns() throws Exception {
        try (SourceFileReader reader = open(utf8(HEADER + "536365,2011-12-09 08:26:00,85123A\n" + LINE), aFormat(), aMapping())) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.shapeProblem()).isEqualTo("the line has 3 columns, the mapping needs 9 (the header has 9)");
            assertThat(reader.lineNo()).isEqualTo(2);
            assertThat(reader.rawLine()).isEqualTo("536365,2011-12-09 08:26:00,85123A");
            assertThat(reader.values()[2]).isEqualTo("85123A");
            assertThat(reader.values()[3]).isNull();
            assertThat(reader.next()).isTrue();
            assertThat(reader.shapeProblem()).isNull();
        }
    }

    @Test
    void reportsLineWithOneColumnWithoutHeader() throws Exception {
        try (SourceFileReader reader = open(utf8("just one\n"), aFormat().withoutHeader(), aNumberedMapping())) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.shapeProblem()).isEqualTo("the line has 1 column, the mapping needs 9");
        }
    }

    @Test
    void acceptsLineWithMoreColumnsThanTheMappingNeeds() throws Exception {
        byte[] file = utf8(HEADER.replace("\n", ",note\n") + LINE.replace("\n", ",x,y\n"));
        assertThat(readAll(file, aFormat(), aMapping())).hasSize(1);
    }

    @Test
    void failsOnEmptyFile() {
        assertThatThrownBy(() -> open(new byte[0], aFormat(), aMapping()))
                .isInstanceOf(FileUnreadableException.class).hasMessageContaining("empty");
    }

    @Test
    void failsOnFileOfBlankLines() {
        assertThatThrownBy(() -> open(utf8("\n\r\n\n"), aFormat(), aMapping()))
                .isInstanceOf(FileUnreadableException.class).hasMessageContaining("empty");
    }

    @Test
    void readsFileWithSemicolonsAndByteOrderMark() throws Exception {
        byte[] file = utf8("\uFEFF" + HEADER.replace(',', ';') + "1;2011-12-09;A;;2;3,5;;;\n");
        assertThat(readAll(file, aFormat().delimiter(";"), aMapping()).get(0)).containsExactly(
                "1", "2011-12-09", "A", "", "2", "3,5", "", "", "");
    }
}
