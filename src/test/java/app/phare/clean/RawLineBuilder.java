package app.phare.clean;

import static app.phare.clean.OrderLineCleaner.CHANNEL;
import static app.phare.clean.OrderLineCleaner.COUNTRY;
import static app.phare.clean.OrderLineCleaner.CUSTOMER_ID;
import static app.phare.clean.OrderLineCleaner.DESCRIPTION;
import static app.phare.clean.OrderLineCleaner.ORDERED_AT;
import static app.phare.clean.OrderLineCleaner.ORDER_ID;
import static app.phare.clean.OrderLineCleaner.QUANTITY;
import static app.phare.clean.OrderLineCleaner.SKU;
import static app.phare.clean.OrderLineCleaner.UNIT_PRICE;

/** Test data builder for a raw order line as the file reader hands it over: a valid sale unless told otherwise. */
final class RawLineBuilder {

    private final String[] raw = {"536365", "2011-12-09 08:26:00", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER",
            "6", "2.55", "17850", "United Kingdom", "web", null, null};

    private RawLineBuilder() {
    }

    static RawLineBuilder aLine() {
        return new RawLineBuilder();
    }

    RawLineBuilder lineAmount(String text) {
        return set(OrderLineCleaner.LINE_AMOUNT, text);
    }

    RawLineBuilder discount(String text) {
        return set(OrderLineCleaner.DISCOUNT, text);
    }

    RawLineBuilder orderId(String text) {
        return set(ORDER_ID, text);
    }

    RawLineBuilder orderedAt(String text) {
        return set(ORDERED_AT, text);
    }

    RawLineBuilder sku(String text) {
        return set(SKU, text);
    }

    RawLineBuilder description(String text) {
        return set(DESCRIPTION, text);
    }

    RawLineBuilder quantity(String text) {
        return set(QUANTITY, text);
    }

    RawLineBuilder unitPrice(String text) {
        return set(UNIT_PRICE, text);
    }

    RawLineBuilder customerId(String text) {
        return set(CUSTOMER_ID, text);
    }

    RawLineBuilder country(String text) {
        return set(COUNTRY, text);
    }

    RawLineBuilder channel(String text) {
        return set(CHANNEL, text);
    }

    /** Sets a field by its index in {@link OrderLineCleaner#FIELDS}. */
    RawLineBuilder set(int field, String text) {
        raw[field] = text;
        return this;
    }

    String[] build() {
        return raw.clone();
    }
}
