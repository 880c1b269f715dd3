package app.phare.report.content;

import app.phare.common.SpreadsheetText;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTest {

    @Test
    void neutralisesTextStartingWithAnyFormulaCharacter() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(SpreadsheetText.safe(start + "HYPERLINK(\"http://evil\",\"x\")"))
                    .isEqualTo("'" + start + "HYPERLINK(\"http://evil\",\"x\")");
        }
    }

    @Test
    void leavesOrdinaryTextAndEmptyTextAlone() {
        assertThat(SpreadsheetText.safe("Blue mug")).isEqualTo("Blue mug");
        assertThat(SpreadsheetText.safe("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetText.safe("")).isEmpty();
        assertThat(SpreadsheetText.safe(null)).isNull();
    }

    @Test
    void csvKeepsNegativeNumbersAsNumbersAndNeutralisesText() {
        Table table = new Table("T", "T", List.of(Table.text("Name"), Table.column("Amount", Table.Kind.MONEY),
                Table.column("Count", Table.Kind.INTEGER), Table.column("Day", Table.Kind.DATE),
                Table.column("Rate", Table.Kind.PERCENT)),
                List.of(Arrays.asList("-5 discount", new BigDecimal("-12.50"), -3L, LocalDate.of(2011, 1, 2), new BigDecimal("-0.1250")),
                        Arrays.asList("=HYPERLINK(\"http://evil\",\"x\")", new BigDecimal("7.00"), 1L, null, null)));
        String csv = new String(CsvWriter.csv(table), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFName,Amount,Count,Day,Rate (%)\r\n");
        assertThat(csv).contains("\r\n'-5 discount,-12.50,-3,2011-01-02,-12.50\r\n");
        assertThat(csv).contains("\r\n\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",7.00,1,,\r\n");
    }

    @Test
    void fileNamesAreAsciiWithoutSpaces() {
        CheckedSpec spec = ReportGenerator.check(new ReportSpec("sales-summary", LocalDate.of(2011, 1, 1),
                LocalDate.of(2011, 12, 31), "xlsx", java.util.Map.of()));
        assertThat(ReportFiles.name(spec, "xlsx")).isEqualTo("phare-sales-summary-2011-01-01_2011-12-31.xlsx");
        assertThat(ReportFiles.slug("Top products (Ünïcode)")).isEqualTo("top-products-unicode");
    }
}
