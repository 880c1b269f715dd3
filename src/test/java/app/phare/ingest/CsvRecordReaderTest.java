package app.phare.ingest;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting decoded text into CSV records. */
class CsvRecordReaderTest {

    /** A record as the reader reports it. */
    private record Rec(long line, List<String> fields, String raw) {
    }

    private static List<Rec> read(String text, char delimiter) throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new BufferedReader(new StringReader(text)), delimiter);
        List<Rec> records = new ArrayList<>();
        while (csv.next()) {
            assertThat(csv.size()).isEqualTo(csv.fields().size());
            records.add(new Rec(csv.lineNo(), List.copyOf(csv.fields()), csv.raw()));
        }
        return records;
    }

    private static List<Rec> read(String text) throws IOException {
        return read(text, ',');
    }

    @Test
    void splitsPlainLinesOnTheDelimiter() throws IOException {
        List<Rec> records = read("a,b,c\n1,2,3\n");
        assertThat(records).extracting(Rec::fields).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
        assertThat(records).extracting(Rec::line).containsExactly(1L, 2L);
        assertThat(records).extracting(Rec::raw).containsExactly("a,b,c", "1,2,3");
    }

    @Test
    void keepsEmptyFieldsIncludingTheLast() throws IOException {
        assertThat(read(",x,,\n").get(0).fields()).containsExactly("", "x", "", "");
    }

    @Test
    void readsLastLineWithoutLineBreak() throws IOException {
        assertThat(read("a,b\n1,2")).extracting(Rec::fields).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void keepsDelimiterInsideQuotedField() throws IOException {
        Rec record = read("1,\"Tea towel, linen\",7.25\n").get(0);
        assertThat(record.fields()).containsExactly("1", "Tea towel, linen", "7.25");
        assertThat(record.raw()).isEqualTo("1,\"Tea towel, linen\",7.25");
    }

    @Test
    void readsDoubledQuoteAsOneQuote() throws IOException {
        assertThat(read("\"12\"\" ruler\",\"\"\"quoted\"\"\",\"\"\n").get(0).fields())
                .containsExactly("12\" ruler", "\"quoted\"", "");
    }

    @Test
    void keepsQuoteInsideUnquotedFieldAsText() throws IOException {
        assertThat(read("12\" ruler,x\n").get(0).fields()).containsExactly("12\" ruler", "x");
    }

    @Test
    void readsQuotedFieldSpanningSeveralLines() throws IOException {
        List<Rec> records = read("h1,h2,h3\n1,\"first\nsecond\n\nfourth\",end\n2,x,y\n");
        assertThat(records).hasSize(3);
        Rec multi = records.get(1);
        assertThat(multi.fields()).containsExactly("1", "first\nsecond\n\nfourth", "end");
        assertThat(multi.line()).isEqualTo(2);
        assertThat(multi.raw()).isEqualTo("1,\"first\nsecond\n\nfourth\",end");
        assertThat(records.get(2).line()).isEqualTo(6);
        assertThat(records.get(2).fields()).containsExactly("2", "x", "y");
    }

    @Test
    void takesAQuoteNeverClosedAsOneMalformedLineAndReadsOnAfterIt() throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new BufferedReader(new StringReader("a,b\n1,\"never closed\n2,still read\n")), ',');
        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).isNull();
        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).startsWith("unbalanced quote");
        assertThat(csv.lineNo()).isEqualTo(2);
        assertThat(csv.raw()).isEqualTo("1,\"never closed");
        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).isNull();
        assertThat(csv.fields()).containsExactly("2", "still read");
        assertThat(csv.lineNo()).isEqualTo(3);
        assertThat(csv.next()).isFalse();
    }

    @Test
    void aQuotedFieldMayStillSpanSeveralLines() throws IOException {
        Rec record = read("1,\"two\nlines\",3\n4,5,6\n").get(0);
        assertThat(record.fields()).containsExactly("1", "two\nlines", "3");
    }

    @Test
    void skipsBlankLinesButCountsThem() throws IOException {
        List<Rec> records = read("a,b\n\n\n1,2\n\n");
        assertThat(records).extracting(Rec::fields).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(records).extracting(Rec::line).containsExactly(1L, 4L);
    }

    @Test
    void removesByteOrderMarkAtTheStart() throws IOException {
        Rec record = read("\uFEFForder_id,sku\n").get(0);
        assertThat(record.fields()).containsExactly("order_id", "sku");
        assertThat(record.raw()).isEqualTo("order_id,sku");
    }

    @Test
    void removesByteOrderMarkBeforeQuotedField() throws IOException {
        assertThat(read("\uFEFF\"order_id\",sku\n").get(0).fields()).containsExactly("order_id", "sku");
    }

    @Test
    void keepsByteOrderMarkCharacterLaterInTheFile() throws IOException {
        assertThat(read("a\n\uFEFFb\n").get(1).fields()).containsExactly("\uFEFFb");
    }

    @Test
    void splitsOnSemicolon() throws IOException {
        assertThat(read("1;\"a;b\";2,5\n", ';').get(0).fields()).containsExactly("1", "a;b", "2,5");
    }

    @Test
    void splitsOnTab() throws IOException {
        assertThat(read("1\tmug, blue\t2\n", '\t').get(0).fields()).containsExactly("1", "mug, blue", "2");
    }

    @Test
    void readsCrLfLineEndings() throws IOException {
        List<Rec> records = read("a,b\r\n1,\"x\r\ny\"\r\n\r\n2,z\r\n");
        assertThat(records).extracting(Rec::fields)
                .containsExactly(List.of("a", "b"), List.of("1", "x\ny"), List.of("2", "z"));
        assertThat(records).extracting(Rec::line).containsExactly(1L, 2L, 5L);
        assertThat(records.get(0).raw()).isEqualTo("a,b");
    }

    @Test
    void returnsFalseForEmptyInput() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n")).isEmpty();
    }

    @Test
    void aLineOf150MillionCharactersIsOneRejectedRecordReadInBoundedMemory() throws IOException {
        long length = 150_000_000L;
        // the line is produced as it is read: nothing holds it whole, so only the reader could
        java.io.Reader huge = new java.io.Reader() {
            private long produced;
            private final String tail = "\nB1,fine\nC1,\"quoted\nover lines\"\n";
            private int tailAt;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (produced < length) {
                    int n = (int) Math.min(len, length - produced);
                    java.util.Arrays.fill(cbuf, off, off + n, 'x');
                    produced += n;
                    return n;
                }
                if (tailAt >= tail.length()) {
                    return -1;
                }
                int n = Math.min(len, tail.length() - tailAt);
                tail.getChars(tailAt, tailAt + n, cbuf, off);
                tailAt += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        CsvRecordReader csv = new CsvRecordReader(huge, ',', 1 << 20);
        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).contains("150000000 characters long").contains("PHARE_MAX_LINE_BYTES");
        assertThat(csv.raw()).hasSize(CsvRecordReader.KEPT_OF_LONG_LINE + 1);
        long during = rt.totalMemory() - rt.freeMemory();
        assertThat(during - before).as("memory held while reading the long line").isLessThan(100L << 20);
        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).isNull();
        assertThat(csv.fields()).containsExactly("B1", "fine");
        assertThat(csv.lineNo()).isEqualTo(2);
        assertThat(csv.next()).isTrue();
        assertThat(csv.fields()).containsExactly("C1", "quoted\nover lines");
        assertThat(csv.next()).isFalse();
    }

    @Test
    void aQuotedRecordLongerThanTheCapIsOneRejectedRecord() throws IOException {
        String longField = "y".repeat(600);
        CsvRecordReader csv = new CsvRecordReader(new StringReader("A,\"" + longField + "\n" + longField + "\n" + longField + "\"\nB,ok\n"), ',', 1_000);
        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).contains("more than the limit of 1000");
        assertThat(csv.next()).isTrue();
        assertThat(csv.next()).isTrue();
        assertThat(csv.fields()).containsExactly("B", "ok");
    }
}
