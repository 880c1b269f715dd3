package app.phare.clean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers as exports write them, read as scaled longs. */
class NumberParserTest {

    private final NumberParser plainDecimal = new NumberParser(".", "");
    private final NumberParser english = new NumberParser(".", ",");
    private final NumberParser french = new NumberParser(",", " ");

    @ParameterizedTest
    @CsvSource({"2, 2000", "2.5, 2500", "0.001, 1", "-3, -3000", "+3, 3000", ".5, 500", "007, 7000"})
    void readsPlainNumbersScaled(String text, long expected) {
        assertThat(plainDecimal.parse(text, 3)).isEqualTo(expected);
    }

    @Test
    void scaleZeroGivesTheIntegerPart() {
        assertThat(plainDecimal.parse("42", 0)).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 234,50", "1\u00A0234,50", "1\u202F234,50", "1 234,5", "1234,50"})
    void readsCommaDecimalWithAnyKindOfSpaceAsGrouping(String text) {
        assertThat(french.parse(text, 4)).isEqualTo(12_345_000);
    }

    @Test
    void readsCommaGroupingWithPointDecimal() {
        assertThat(english.parse("1,234,567.50", 2)).isEqualTo(123_456_750);
    }

    @Test
    void readsNegativeNumberWithGrouping() {
        assertThat(french.parse("-1 234,5", 3)).isEqualTo(-1_234_500);
    }

    @Test
    void spaceIsNotGroupingWhenGroupingIsAComma() {
        assertThat(english.parse("1 234", 3)).isEqualTo(NumberParser.NOT_A_NUMBER);
    }

    @Test
    void groupingIsNotAllowedAfterTheDecimalSeparator() {
        assertThat(english.parse("1.234,5", 3)).isEqualTo(NumberParser.NOT_A_NUMBER);
    }

    @Test
    void groupingIsNotAllowedBeforeTheFirstDigit() {
        assertThat(english.parse(",5", 3)).isEqualTo(NumberParser.NOT_A_NUMBER);
    }

    @ParameterizedTest
    @CsvSource({"1.0005, 1001", "1.00049, 1000", "1.0004999, 1000", "0.9995, 1000", "-1.0005, -1001", "2.00051, 2001"})
    void roundsHalfUpBeyondTheScale(String text, long expected) {
        assertThat(plainDecimal.parse(text, 3)).isEqualTo(expected);
    }

    @Test
    void roundsPricesToFourDecimals() {
        assertThat(plainDecimal.parse("2.55555", 4)).isEqualTo(25_556);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12abc", "1.2.3", "--1", "+-1", "-", "+", ".", "1e3", "abc", "1,5", " 1", "1 "})
    void rejectsGarbage(String text) {
        assertThat(plainDecimal.parse(text, 3)).isEqualTo(NumberParser.NOT_A_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "92233720368547758", "-92233720368547758",
            "123456789012345678901234567890.5"})
    void reportsNumbersBeyondALongAsTooLarge(String text) {
        assertThat(plainDecimal.parse(text, 3)).isEqualTo(NumberParser.TOO_LARGE);
    }

    @Test
    void manyDecimalsBeyondTheScaleDoNotOverflow() {
        assertThat(plainDecimal.parse("1." + "9".repeat(40), 3)).isEqualTo(2_000);
    }

    @Test
    void manyLeadingZerosDoNotOverflow() {
        assertThat(plainDecimal.parse("0".repeat(40) + "1", 3)).isEqualTo(1_000);
    }

    @ParameterizedTest
    @CsvSource({"12500, 3, 12.5", "-3000, 3, -3", "5, 3, 0.005", "-5, 4, -0.0005", "0, 3, 0", "25500, 4, 2.55",
            "1234567, 3, 1234.567", "42, 0, 42"})
    void writesScaledNumberAsPlainTextWithoutTrailingZeros(long scaled, int scale, String expected) {
        assertThat(NumberParser.plain(scaled, scale)).isEqualTo(expected);
    }

    @Test
    void plainTextReadsBackToTheSameNumber() {
        for (long scaled : new long[]{1, -1, 999, 1000, 1001, 123_456_789, -987_654_321_000L}) {
            assertThat(plainDecimal.parse(NumberParser.plain(scaled, 4), 4)).isEqualTo(scaled);
        }
    }

    @org.junit.jupiter.api.Test
    void groupingSeparatorsMustSeparateGroupsOfThree() {
        NumberParser p = new NumberParser(".", ",");
        assertThat(p.parse("1,234,567.5", 1)).isEqualTo(12_345_675);
        assertThat(p.parse("1,2", 0)).isEqualTo(NumberParser.NOT_A_NUMBER);
        assertThat(p.parse("12,34", 0)).isEqualTo(NumberParser.NOT_A_NUMBER);
        assertThat(p.parse("1,2345", 0)).isEqualTo(NumberParser.NOT_A_NUMBER);
        assertThat(new NumberParser(",", ".").parse("2.50", 2)).isEqualTo(NumberParser.NOT_A_NUMBER);
    }
}
