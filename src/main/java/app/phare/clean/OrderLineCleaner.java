package app.phare.clean;

import app.phare.source.SourceFormat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The cleaning rules for order lines (listed in the README). Fields arrive in the order of
 * {@link #FIELDS}; an absent optional column arrives as null. Not thread-safe: one cleaner per file.
 */
public final class OrderLineCleaner {

    public static final String[] FIELDS = {"orderId", "orderedAt", "sku", "description", "quantity", "unitPrice",
            "customerId", "country", "channel"};
    public static final int ORDER_ID = 0, ORDERED_AT = 1, SKU = 2, DESCRIPTION = 3, QUANTITY = 4, UNIT_PRICE = 5,
            CUSTOMER_ID = 6, COUNTRY = 7, CHANNEL = 8;

    /** Limits of numeric(14,3) and numeric(14,4), as scaled longs. */
    private static final long MAX_QUANTITY_E3 = 100_000_000_000_000L;
    private static final long MAX_PRICE_E4 = 100_000_000_000_000L;

    private final NumberParser numbers;
    private final TimestampParser timestamps;
    private final StringBuilder canonical = new StringBuilder(256);

    /** Either a clean line or the reason the line was rejected. */
    public record Result(CleanOrderLine line, String rejection) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    public OrderLineCleaner(SourceFormat format, ZoneId sourceZone, ZoneId tenantZone) {
        this.numbers = new NumberParser(format.decimalSeparator(), format.groupingSeparator());
        this.timestamps = new TimestampParser(format.dateFormat(), sourceZone, tenantZone);
    }

    public Result clean(String[] raw) {
        String orderId = text(raw[ORDER_ID]);
        String orderedAtText = text(raw[ORDERED_AT]);
        String sku = text(raw[SKU]);
        String quantityText = text(raw[QUANTITY]);
        String priceText = text(raw[UNIT_PRICE]);
        if (orderId == null) {
            return reject("missing order id");
        }
        if (orderedAtText == null) {
            return reject("missing timestamp");
        }
        if (sku == null) {
            return reject("missing sku");
        }
        if (quantityText == null) {
            return reject("missing quantity");
        }
        if (priceText == null) {
            return reject("missing unit price");
        }
        TimestampParser.Parsed at = timestamps.parse(orderedAtText);
        if (at == null) {
            return reject("timestamp '" + orderedAtText + "' does not match the source's date format or is not a real date");
        }
        long quantity = numbers.parse(quantityText, 3);
        if (quantity == NumberParser.NOT_A_NUMBER) {
            return reject("quantity '" + quantityText + "' is not a number");
        }
        long price = numbers.parse(priceText, 4);
        if (price == NumberParser.NOT_A_NUMBER) {
            return reject("unit price '" + priceText + "' is not a number");
        }
        if (quantity == 0) {
            return reject("quantity is 0");
        }
        if (price != NumberParser.TOO_LARGE && price <= 0) {
            return reject("unit price must be positive, was " + NumberParser.plain(price, 4));
        }
        if (quantity == NumberParser.TOO_LARGE || Math.abs(quantity) >= MAX_QUANTITY_E3) {
            return reject("quantity " + quantityText + " is too large");
        }
        if (price == NumberParser.TOO_LARGE || price >= MAX_PRICE_E4) {
            return reject("unit price " + priceText + " is too large");
        }
        sku = sku.toUpperCase(Locale.ROOT);
        String description = text(raw[DESCRIPTION]);
        String customerId = wholeFloatToInteger(text(raw[CUSTOMER_ID]));
        String country = text(raw[COUNTRY]);
        String channel = text(raw[CHANNEL]);

        canonical.setLength(0);
        canonical.append(orderId).append('\u001f').append(at.instant().getEpochSecond()).append('.')
                .append(at.instant().getNano()).append('\u001f').append(sku).append('\u001f');
        appendNullable(description);
        // quantity and price as their exact scaled integers (x1000, x10000): one spelling per value
        canonical.append(quantity).append('\u001f').append(price).append('\u001f');
        appendNullable(customerId);
        appendNullable(country);
        appendNullable(channel);
        byte[] bytes = canonical.toString().getBytes(StandardCharsets.UTF_8);
        long[] hash = Murmur3.hash128(bytes, bytes.length);
        return new Result(new CleanOrderLine(orderId, at.instant(), at.day(), sku, description, quantity, price,
                customerId, country, channel, hash[0], hash[1]), null);
    }

    private void appendNullable(String s) {
        if (s == null) {
            canonical.append('\u0000');
        } else {
            canonical.append(s);
        }
        canonical.append('\u001f');
    }

    private static Result reject(String reason) {
        return new Result(null, reason);
    }

    /** Trimmed text, with empty becoming null. */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** A customer id written as a whole float ("17850.0") becomes "17850". */
    static String wholeFloatToInteger(String id) {
        if (id == null) {
            return null;
        }
        int dot = id.indexOf('.');
        if (dot <= 0 || dot == id.length() - 1) {
            return id;
        }
        for (int i = 0; i < dot; i++) {
            char c = id.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && c == '-')) {
                return id;
            }
        }
        for (int i = dot + 1; i < id.length(); i++) {
            if (id.charAt(i) != '0') {
                return id;
            }
        }
        return id.substring(0, dot);
    }
}
