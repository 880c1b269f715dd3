package app.phare.clean;

import app.phare.source.SourceFormatBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;

import static app.phare.clean.RawLineBuilder.aLine;
import static app.phare.source.SourceFormatBuilder.aFormat;
import static org.assertj.core.api.Assertions.assertThat;

/** The cleaning rules the product promises for order lines, one rule per test. */
class OrderLineCleanerTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private OrderLineCleaner cleaner = new OrderLineCleaner(aFormat().build(), UTC, UTC);

    private void useCleaner(SourceFormatBuilder format, String sourceZone, String tenantZone) {
        cleaner = new OrderLineCleaner(format.build(), ZoneId.of(sourceZone), ZoneId.of(tenantZone));
    }

    private CleanOrderLine cleaned(RawLineBuilder line) {
        OrderLineCleaner.Result result = cleaner.clean(line.build());
        assertThat(result.rejection()).as("rejection").isNull();
        return result.line();
    }

    private String rejection(RawLineBuilder line) {
        OrderLineCleaner.Result result = cleaner.clean(line.build());
        assertThat(result.rejected()).as("rejected").isTrue();
        assertThat(result.line()).isNull();
        return result.rejection();
    }

    @Nested
    class LineTotalsAndDiscounts {

        @Test
        void derivesTheUnitPriceFromALineTotal() {
            CleanOrderLine line = cleaned(aLine().unitPrice(null).quantity("4").lineAmount("10.20"));
            assertThat(line.unitPrice()).isEqualByComparingTo("2.55");
        }

        @Test
        void roundsADerivedUnitPriceHalfUpToFourDecimals() {
            assertThat(cleaned(aLine().unitPrice(null).quantity("3").lineAmount("10.00")).unitPrice()).isEqualByComparingTo("3.3333");
            assertThat(cleaned(aLine().unitPrice(null).quantity("3").lineAmount("0.0002")).unitPrice()).isEqualByComparingTo("0.0001");
        }

        @Test
        void keepsAReturnGivenAsANegativeLineTotal() {
            CleanOrderLine line = cleaned(aLine().unitPrice(null).quantity("-2").lineAmount("-5.10"));
            assertThat(line.quantity()).isEqualByComparingTo("-2");
            assertThat(line.unitPrice()).isEqualByComparingTo("2.55");
        }

        @Test
        void appliesADiscountRateToTheUnitPrice() {
            assertThat(cleaned(aLine().unitPrice("14.00").discount("0.2")).unitPrice()).isEqualByComparingTo("11.20");
            assertThat(cleaned(aLine().unitPrice("14.00").discount("0")).unitPrice()).isEqualByComparingTo("14.00");
        }

        @Test
        void appliesADiscountAmountToTheLine() {
            cleaner = new OrderLineCleaner(aFormat().build(), UTC, UTC, false);
            assertThat(cleaned(aLine().quantity("4").unitPrice("2.50").discount("2.00")).unitPrice()).isEqualByComparingTo("2.00");
        }

        @Test
        void rejectsDiscountsThatAreNotRates() {
            assertThat(rejection(aLine().discount("1.5"))).isEqualTo("discount 1.5 is not a rate between 0 and 1");
            assertThat(rejection(aLine().discount("ten"))).isEqualTo("discount 'ten' is not a number");
            assertThat(rejection(aLine().unitPrice(null).lineAmount("x"))).isEqualTo("line amount 'x' is not a number");
            assertThat(rejection(aLine().unitPrice(null))).isEqualTo("missing unit price");
        }

        @Test
        void aFullDiscountLeavesNoPriceAndIsRejectedLikeAnyFreeLine() {
            assertThat(rejection(aLine().unitPrice("14.00").discount("1"))).isEqualTo("unit price must be positive, was 0");
        }
    }

    @Nested
    class RequiredFields {

        @Test
        void acceptsCompleteLine() {
            CleanOrderLine line = cleaned(aLine());
            assertThat(line.orderId()).isEqualTo("536365");
            assertThat(line.orderedAt()).isEqualTo(Instant.parse("2011-12-09T08:26:00Z"));
            assertThat(line.day()).isEqualTo(LocalDate.of(2011, 12, 9));
            assertThat(line.sku()).isEqualTo("85123A");
            assertThat(line.description()).isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");
            assertThat(line.quantity()).isEqualByComparingTo("6");
            assertThat(line.unitPrice()).isEqualByComparingTo("2.55");
            assertThat(line.customerId()).isEqualTo("17850");
            assertThat(line.country()).isEqualTo("United Kingdom");
            assertThat(line.channel()).isEqualTo("web");
        }

        @Test
        void acceptsLineWithoutOptionalFields() {
            CleanOrderLine line = cleaned(aLine().description(null).customerId(null).country(null).channel(null));
            assertThat(line.description()).isNull();
            assertThat(line.customerId()).isNull();
            assertThat(line.country()).isNull();
            assertThat(line.channel()).isNull();
        }

        @Test
        void rejectsLineWithoutOrderId() {
            assertThat(rejection(aLine().orderId(null))).isEqualTo("missing order id");
        }

        @Test
        void rejectsLineWithBlankOrderId() {
            assertThat(rejection(aLine().orderId("   "))).isEqualTo("missing order id");
        }

        @Test
        void rejectsLineWithoutTimestamp() {
            assertThat(rejection(aLine().orderedAt(""))).isEqualTo("missing timestamp");
        }

        @Test
        void rejectsLineWithoutSku() {
            assertThat(rejection(aLine().sku(" "))).isEqualTo("missing sku");
        }

        @Test
        void rejectsLineWithoutQuantity() {
            assertThat(rejection(aLine().quantity(null))).isEqualTo("missing quantity");
        }

        @Test
        void rejectsLineWithoutUnitPrice() {
            assertThat(rejection(aLine().unitPrice(""))).isEqualTo("missing unit price");
        }

        @Test
        void rejectsLineWithUnparsableTimestamp() {
            assertThat(rejection(aLine().orderedAt("yesterday at noon")))
                    .isEqualTo("timestamp 'yesterday at noon' does not match the source's date format or is not a real date");
        }

        @Test
        void rejectsLineWithUnparsableQuantity() {
            assertThat(rejection(aLine().quantity("six"))).isEqualTo("quantity 'six' is not a number");
        }

        @Test
        void rejectsLineWithUnparsableUnitPrice() {
            assertThat(rejection(aLine().unitPrice("2,55"))).isEqualTo("unit price '2,55' is not a number");
        }
    }

    @Nested
    class Text {

        @Test
        void trimsText() {
            CleanOrderLine line = cleaned(aLine().orderId(" 536365\t").sku(" 85123A ").description("  HEART ")
                    .customerId(" C1 ").country(" France ").channel("\tweb "));
            assertThat(line).extracting(CleanOrderLine::orderId, CleanOrderLine::sku, CleanOrderLine::description,
                    CleanOrderLine::customerId, CleanOrderLine::country, CleanOrderLine::channel)
                    .containsExactly("536365", "85123A", "HEART", "C1", "France", "web");
        }

        @Test
        void turnsEmptyOptionalTextIntoNull() {
            CleanOrderLine line = cleaned(aLine().description("").customerId("  ").country("\t").channel(" "));
            assertThat(line.description()).isNull();
            assertThat(line.customerId()).isNull();
            assertThat(line.country()).isNull();
            assertThat(line.channel()).isNull();
        }

        @Test
        void upperCasesSku() {
            assertThat(cleaned(aLine().sku("85123a-blue")).sku()).isEqualTo("85123A-BLUE");
        }

        @ParameterizedTest
        @ValueSource(strings = {"17850.0", "17850.00", " 17850.0 "})
        void dropsZeroDecimalsOfCustomerIdWrittenAsWholeFloat(String customerId) {
            assertThat(cleaned(aLine().customerId(customerId)).customerId()).isEqualTo("17850");
        }

        @ParameterizedTest
        @ValueSource(strings = {"17850.5", "17850.05", "A17.0", "17850", "C-17.0"})
        void keepsCustomerIdThatIsNotAWholeFloat(String customerId) {
            assertThat(cleaned(aLine().customerId(customerId)).customerId()).isEqualTo(customerId);
        }
    }

    @Nested
    class QuantityAndPrice {

        @Test
        void keepsQuantityWithThreeDecimalsAndPriceWithFour() {
            CleanOrderLine line = cleaned(aLine().quantity("1.5").unitPrice("0.1234"));
            assertThat(line.quantityE3()).isEqualTo(1_500);
            assertThat(line.priceE4()).isEqualTo(1_234);
            assertThat(line.quantity()).isEqualTo(new BigDecimal("1.500"));
            assertThat(line.unitPrice()).isEqualTo(new BigDecimal("0.1234"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.000", "-0", "0.0004"})
        void rejectsLineWithZeroQuantity(String quantity) {
            assertThat(rejection(aLine().quantity(quantity))).isEqualTo("quantity is 0");
        }

        @Test
        void rejectsLineWithZeroPrice() {
            assertThat(rejection(aLine().unitPrice("0.00"))).isEqualTo("unit price must be positive, was 0");
        }

        @Test
        void rejectsLineWithNegativePrice() {
            assertThat(rejection(aLine().unitPrice("-2.5"))).isEqualTo("unit price must be positive, was -2.5");
        }

        @Test
        void keepsNegativeQuantityAsReturnLine() {
            CleanOrderLine line = cleaned(aLine().quantity("-2"));
            assertThat(line.isReturn()).isTrue();
            assertThat(line.quantityE3()).isEqualTo(-2_000);
        }

        @Test
        void positiveQuantityIsNotAReturn() {
            assertThat(cleaned(aLine().quantity("2")).isReturn()).isFalse();
        }

        @Test
        void acceptsLargestQuantityAndPriceTheDatabaseHolds() {
            CleanOrderLine line = cleaned(aLine().quantity("99999999999.999").unitPrice("9999999999.9999"));
            assertThat(line.quantityE3()).isEqualTo(99_999_999_999_999L);
            assertThat(line.priceE4()).isEqualTo(99_999_999_999_999L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"100000000000", "-100000000000", "99999999999.9995", "123456789012345678901234567890"})
        void rejectsTooLargeQuantity(String quantity) {
            assertThat(rejection(aLine().quantity(quantity))).isEqualTo("quantity " + quantity + " is too large");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10000000000", "9999999999.99995", "123456789012345678901234567890"})
        void rejectsTooLargeUnitPrice(String price) {
            assertThat(rejection(aLine().unitPrice(price))).isEqualTo("unit price " + price + " is too large");
        }

        @Test
        void rejectsHugeNegativeUnitPrice() {
            assertThat(rejection(aLine().unitPrice("-123456789012345678901234567890"))).contains("too large");
        }
    }

    @Nested
    class Separators {

        @ParameterizedTest
        @ValueSource(strings = {"1 234,50", "1\u00A0234,50", "1\u202F234,50", "1234,5"})
        void readsCommaDecimalWithSpaceGrouping(String price) {
            useCleaner(aFormat().decimalSeparator(",").groupingSeparator(" "), "UTC", "UTC");
            assertThat(cleaned(aLine().unitPrice(price)).priceE4()).isEqualTo(12_345_000);
        }

        @Test
        void readsPointDecimalWithCommaGrouping() {
            useCleaner(aFormat().groupingSeparator(","), "UTC", "UTC");
            CleanOrderLine line = cleaned(aLine().quantity("1,234.5").unitPrice("1,234.50"));
            assertThat(line.quantityE3()).isEqualTo(1_234_500);
            assertThat(line.priceE4()).isEqualTo(12_345_000);
        }

        @Test
        void readsNegativeQuantityWithSeparators() {
            useCleaner(aFormat().decimalSeparator(",").groupingSeparator("."), "UTC", "UTC");
            assertThat(cleaned(aLine().quantity("-1.000,5").unitPrice("2,50")).quantityE3()).isEqualTo(-1_000_500);
        }

        @Test
        void acceptsLeadingPlus() {
            assertThat(cleaned(aLine().quantity("+3")).quantityE3()).isEqualTo(3_000);
        }

        @Test
        void roundsQuantityBeyondThreeDecimalsHalfUp() {
            assertThat(cleaned(aLine().quantity("1.0005")).quantityE3()).isEqualTo(1_001);
            assertThat(cleaned(aLine().quantity("1.00049")).quantityE3()).isEqualTo(1_000);
        }

        @Test
        void roundsPriceBeyondFourDecimalsHalfUp() {
            assertThat(cleaned(aLine().unitPrice("2.55555")).priceE4()).isEqualTo(25_556);
            assertThat(cleaned(aLine().unitPrice("2.55554")).priceE4()).isEqualTo(25_555);
        }

        @ParameterizedTest
        @ValueSource(strings = {"12abc", "1.2.3", "--1", "+-1", "1e3", "-", "."})
        void rejectsGarbageQuantity(String quantity) {
            assertThat(rejection(aLine().quantity(quantity))).isEqualTo("quantity '" + quantity + "' is not a number");
        }

        @ParameterizedTest
        @ValueSource(strings = {"12abc", "1.2.3", "--1", "2,55", "$2.55"})
        void rejectsGarbageUnitPrice(String price) {
            assertThat(rejection(aLine().unitPrice(price))).isEqualTo("unit price '" + price + "' is not a number");
        }
    }

    @Nested
    class Duplicates {

        @Test
        void linesEqualAfterCleaningHaveTheSameHash() {
            CleanOrderLine a = cleaned(aLine().sku("85123a").quantity("2").unitPrice("2.5").customerId("17850.0")
                    .orderedAt("2011-12-09 08:26"));
            CleanOrderLine b = cleaned(aLine().sku(" 85123A ").quantity("2.0").unitPrice("2.50").customerId("17850")
                    .orderedAt("2011-12-09T08:26:00").description(" WHITE HANGING HEART T-LIGHT HOLDER "));
            assertThat(b.hashHigh()).isEqualTo(a.hashHigh());
            assertThat(b.hashLow()).isEqualTo(a.hashLow());
        }

        @Test
        void emptyAndAbsentOptionalFieldsHashAlike() {
            CleanOrderLine a = cleaned(aLine().description("").country(" "));
            CleanOrderLine b = cleaned(aLine().description(null).country(null));
            assertThat(new long[]{b.hashHigh(), b.hashLow()}).containsExactly(a.hashHigh(), a.hashLow());
        }

        static Stream<Arguments> oneFieldChanged() {
            return Stream.of(
                    Arguments.of("orderId", aLine().orderId("536366")),
                    Arguments.of("orderedAt", aLine().orderedAt("2011-12-09 08:26:01")),
                    Arguments.of("sku", aLine().sku("85123B")),
                    Arguments.of("description", aLine().description("WHITE HANGING HEART")),
                    Arguments.of("description absent", aLine().description(null)),
                    Arguments.of("quantity", aLine().quantity("7")),
                    Arguments.of("unitPrice", aLine().unitPrice("2.5501")),
                    Arguments.of("customerId", aLine().customerId("17851")),
                    Arguments.of("customerId absent", aLine().customerId(null)),
                    Arguments.of("country", aLine().country("France")),
                    Arguments.of("country absent", aLine().country(null)),
                    Arguments.of("channel", aLine().channel("store")),
                    Arguments.of("channel absent", aLine().channel(null)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("oneFieldChanged")
        void linesDifferingInOneMappedFieldHaveDifferentHashes(String field, RawLineBuilder changed) {
            CleanOrderLine original = cleaned(aLine());
            CleanOrderLine other = cleaned(changed);
            assertThat(new long[]{other.hashHigh(), other.hashLow()})
                    .isNotEqualTo(new long[]{original.hashHigh(), original.hashLow()});
        }

        @Test
        void valueMovedToTheNextFieldChangesTheHash() {
            CleanOrderLine a = cleaned(aLine().country("web").channel(null));
            CleanOrderLine b = cleaned(aLine().country(null).channel("web"));
            assertThat(new long[]{b.hashHigh(), b.hashLow()}).isNotEqualTo(new long[]{a.hashHigh(), a.hashLow()});
        }
    }

    @Nested
    class Timestamps {

        @Test
        void readsTimestampInSourceZoneAndDayInTenantZone() {
            useCleaner(aFormat(), "America/New_York", "Europe/London");
            CleanOrderLine line = cleaned(aLine().orderedAt("2011-12-09 21:30:00"));
            assertThat(line.orderedAt()).isEqualTo(Instant.parse("2011-12-10T02:30:00Z"));
            assertThat(line.day()).isEqualTo(LocalDate.of(2011, 12, 10));
        }

        @Test
        void dayIsTheTenantsWhenTheSourceIsAhead() {
            useCleaner(aFormat(), "Asia/Tokyo", "Europe/London");
            CleanOrderLine line = cleaned(aLine().orderedAt("2011-12-10 08:00"));
            assertThat(line.orderedAt()).isEqualTo(Instant.parse("2011-12-09T23:00:00Z"));
            assertThat(line.day()).isEqualTo(LocalDate.of(2011, 12, 9));
        }

        @Test
        void explicitOffsetWinsOverSourceZone() {
            useCleaner(aFormat(), "America/New_York", "Europe/London");
            CleanOrderLine line = cleaned(aLine().orderedAt("2011-12-09T21:30:00+01:00"));
            assertThat(line.orderedAt()).isEqualTo(Instant.parse("2011-12-09T20:30:00Z"));
            assertThat(line.day()).isEqualTo(LocalDate.of(2011, 12, 9));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2011-03-27 01:30:00", "2011-10-30 01:30:00"})
        void timeInDstGapOrOverlapResolvesAsJavaTimeDoes(String text) {
            useCleaner(aFormat(), "Europe/London", "Europe/London");
            LocalDateTime local = LocalDateTime.parse(text.replace(' ', 'T'));
            ZonedDateTime expected = ZonedDateTime.of(local, ZoneId.of("Europe/London"));
            CleanOrderLine line = cleaned(aLine().orderedAt(text));
            assertThat(line.orderedAt()).isEqualTo(expected.toInstant());
            assertThat(line.day()).isEqualTo(expected.toLocalDate());
        }

        @Test
        void readsCustomDayMonthYearPattern() {
            useCleaner(aFormat().dateFormat("dd/MM/yyyy HH:mm"), "Europe/Paris", "Europe/Paris");
            CleanOrderLine line = cleaned(aLine().orderedAt("09/12/2011 21:30"));
            assertThat(line.orderedAt()).isEqualTo(Instant.parse("2011-12-09T20:30:00Z"));
            assertThat(line.day()).isEqualTo(LocalDate.of(2011, 12, 9));
        }

        @Test
        void readsDateOnlyPatternAsStartOfDayInSourceZone() {
            useCleaner(aFormat().dateFormat("dd.MM.yyyy"), "Europe/Berlin", "Europe/Berlin");
            CleanOrderLine line = cleaned(aLine().orderedAt("09.12.2011"));
            assertThat(line.orderedAt()).isEqualTo(Instant.parse("2011-12-08T23:00:00Z"));
            assertThat(line.day()).isEqualTo(LocalDate.of(2011, 12, 9));
        }

        @Test
        void rejectsTimestampNotMatchingCustomPattern() {
            useCleaner(aFormat().dateFormat("dd/MM/yyyy HH:mm"), "UTC", "UTC");
            assertThat(rejection(aLine().orderedAt("2011-12-09 21:30"))).contains("'2011-12-09 21:30'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2011-12-09T21:30:00", "2011-12-09 21:30:00", "2011-12-09T21:30", "2011-12-09 21:30",
                "2011-12-09 21:30:00.000", "2011-12-09T21:30:00Z", "2011-12-09 22:30:00+01:00", "2011-12-09 21:30Z"})
        void readsIsoWithTOrSpaceWithOrWithoutSecondsAndOffset(String text) {
            assertThat(cleaned(aLine().orderedAt(text)).orderedAt()).isEqualTo(Instant.parse("2011-12-09T21:30:00Z"));
        }

        @Test
        void keepsFractionalSeconds() {
            assertThat(cleaned(aLine().orderedAt("2011-12-09 21:30:00.125")).orderedAt())
                    .isEqualTo(Instant.parse("2011-12-09T21:30:00.125Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2011-02-30 10:00", "2011-02-30T10:00:00.5", "2011-13-01 10:00", "2011-12-09 25:00"})
        void rejectsIsoTimestampThatIsNotARealTime(String text) {
            assertThat(rejection(aLine().orderedAt(text))).startsWith("timestamp '" + text + "'");
        }

        @Test
        void rejectsCustomPatternDateThatDoesNotExist() {
            useCleaner(aFormat().dateFormat("dd/MM/yyyy"), "UTC", "UTC");
            assertThat(rejection(aLine().orderedAt("31/04/2011"))).startsWith("timestamp '31/04/2011'");
        }
    }
}
