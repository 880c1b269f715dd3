package app.phare.clean;

import app.phare.source.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Order timestamps in the source's pattern and zone, with the day in the tenant's zone. */
class TimestampParserTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static TimestampParser iso(ZoneId source, ZoneId tenant) {
        return new TimestampParser(SourceFormat.ISO, source, tenant);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2011-12-09T21:30:00         | 2011-12-09T21:30:00Z",
            "2011-12-09 21:30            | 2011-12-09T21:30:00Z",
            "2011-12-09t21:30:00         | 2011-12-09T21:30:00Z",
            "2011-12-09T21:30:00.5       | 2011-12-09T21:30:00.500Z",
            "2011-12-09 21:30:00.123456789 | 2011-12-09T21:30:00.123456789Z",
            "2011-12-09T21:30:00Z        | 2011-12-09T21:30:00Z",
            "2011-12-09T21:30:00+01:00   | 2011-12-09T20:30:00Z",
            "2011-12-09 21:30-05:00      | 2011-12-10T02:30:00Z",
            "2011-12-09T21:30:00+01:00[Europe/Paris] | 2011-12-09T20:30:00Z"})
    void readsIsoVariants(String text, String expected) {
        assertThat(iso(UTC, UTC).parse(text).instant()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsIsoDateWithoutTimeAsStartOfDay() {
        assertThat(iso(NEW_YORK, NEW_YORK).parse("2011-12-09").instant()).isEqualTo(Instant.parse("2011-12-09T05:00:00Z"));
    }

    @Test
    void takesTheDayInTheTenantsZone() {
        TimestampParser.Parsed parsed = iso(NEW_YORK, LONDON).parse("2011-12-09 21:30:00");
        assertThat(parsed.instant()).isEqualTo(Instant.parse("2011-12-10T02:30:00Z"));
        assertThat(parsed.day()).isEqualTo(LocalDate.of(2011, 12, 10));
    }

    @Test
    void takesTheDayOfAnOffsetTimestampInTheTenantsZone() {
        TimestampParser.Parsed parsed = iso(LONDON, NEW_YORK).parse("2011-12-10T01:00:00Z");
        assertThat(parsed.day()).isEqualTo(LocalDate.of(2011, 12, 9));
    }

    @Test
    void readsCustomPatternWithOffset() {
        TimestampParser parser = new TimestampParser("dd/MM/yyyy HH:mm XXX", NEW_YORK, UTC);
        assertThat(parser.parse("09/12/2011 21:30 +01:00").instant()).isEqualTo(Instant.parse("2011-12-09T20:30:00Z"));
    }

    @Test
    void readsCustomPatternWithTwelveHourClock() {
        TimestampParser parser = new TimestampParser("MM/dd/yyyy hh:mm a", UTC, UTC);
        assertThat(parser.parse("12/09/2011 09:30 PM").instant()).isEqualTo(Instant.parse("2011-12-09T21:30:00Z"));
    }

    @Test
    void readsLeapDayInLeapYear() {
        assertThat(new TimestampParser("dd.MM.yyyy", UTC, UTC).parse("29.02.2012").day()).isEqualTo(LocalDate.of(2012, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2011-02-29 10:00", "2011-02-30T10:00:00.5", "2011-04-31 10:00Z",
            "2011-12-09 21:60", "09/12/2011 21:30", "2011-12-09 21:30 +01:00", "not a date"})
    void rejectsTextThatIsNotARealIsoTimestamp(String text) {
        assertThat(iso(UTC, UTC).parse(text)).isNull();
    }

    @Test
    void rejectsCustomPatternDateBeyondTheEndOfTheMonth() {
        assertThat(new TimestampParser("dd.MM.yyyy", UTC, UTC).parse("29.02.2011")).isNull();
    }

    @Test
    void parsesTheSameTextTwiceAlike() {
        TimestampParser parser = iso(NEW_YORK, LONDON);
        TimestampParser.Parsed first = parser.parse("2011-12-09 21:30:00");
        assertThat(parser.parse("2011-12-09 21:30:00")).isEqualTo(first);
    }

    @Test
    void forgetsThePreviousTextWhenTheTextChanges() {
        TimestampParser parser = iso(UTC, UTC);
        parser.parse("2011-12-09 21:30:00");
        assertThat(parser.parse("2011-12-10 21:30:00").day()).isEqualTo(LocalDate.of(2011, 12, 10));
        assertThat(parser.parse("garbage")).isNull();
    }
}
