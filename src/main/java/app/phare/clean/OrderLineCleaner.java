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
            "customerId", "country", "channel", "lineAmount", "discount"};
    public static final int ORDER_ID = 0, ORDERED_AT = 1, SKU = 2, DESCRIPTION = 3, QUANTITY = 4, UNIT_PRICE = 5,
            CUSTOMER_ID = 6, COUNTRY = 7, CHANNEL = 8, LINE_AMOUNT = 9, DISCOUNT = 10;

    /** Limits of numeric(14,3) and numeric(14,4), as scaled longs. */
    private static final long MAX_QUANTITY_E3 = 100_000_000_000_000L;
    private static final long MAX_PRICE_E4 = 100_000_000_000_000L;

    private final NumberParser numbers;
    private final TimestampParser timestamps;
    private final StringBuilder canonical = new StringBuilder(256);
    /** Whether a discount column holds a rate (0.15) rather than an amount off the line. */
    private final boolean discountIsRate;

    /** Either a clean line or the reason the line was rejected. */
    public record Result(CleanOrderLine line, String rejection) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    public OrderLineCleaner(SourceFormat format, ZoneId sourceZone, ZoneId tenantZone) {
        this(format, sourceZone, tenantZone, true);
    }

    public OrderLineCleaner(SourceFormat format, ZoneId sourceZone, ZoneId tenantZone, boolean discountIsRate) {
        this.discountIsRate = discountIsRate;
        this.numbers = new NumberParser(format.decimalSeparator(), format.groupingSeparator());
        this.timestamps = new TimestampParser(format.dateFormat(), sourceZone, tenantZone);
    }

    public Result clean(String[] raw) {
        String orderId = text(raw[ORDER_ID]);
        String orderedAtText = text(raw[ORDERED_AT]);
        String sku = text(raw[SKU]);
        String quantityText = text(raw[QUANTITY]);
        String priceText = text(raw[UNIT_PRICE]);
        String amountText = raw.length > LINE_AMOUNT ? text(raw[LINE_AMOUNT]) : null;
        String discountText = raw.length > DISCOUNT ? text(raw[DISCOUNT]) : null;
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
        if (priceText == null && amountText == null) {
            return reject("missing unit price");
        }
        TimestampParser.Parsed at = timestamps.parse(orderedAtText);
        if (at == null) {
            return reject("timestamp '" + orderedAtText + "' does not match the source's date format or is not a real date");
        }
        if (!at.inRange()) {
            return reject(TimestampParser.outOfRange("timestamp", orderedAtText));
        }
        long quantity = numbers.parse(quantityText, 3);
        if (quantity == NumberParser.NOT_A_NUMBER) {
            return reject("quantity '" + quantityText + "' is not a number");
        }
        if (quantity == 0) {
            return reject("quantity is 0");
        }
        long price;
        if (priceText != null) {
            price = numbers.parse(priceText, 4);
            if (price == NumberParser.NOT_A_NUMBER) {
                return reject("unit price '" + priceText + "' is not a number");
            }
        } else {
            // a line total instead of a unit price: the unit price is the total over the quantity
            long amount = numbers.parse(amountText, 4);
            if (amount == NumberParser.NOT_A_NUMBER) {
                return reject("line amount '" + amountText + "' is not a number");
            }
            if (amount == NumberParser.TOO_LARGE || quantity == NumberParser.TOO_LARGE) {
                return reject("line amount " + amountText + " is too large");
            }
            price = divide(java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(1000)), quantity);
            priceText = amountText;
        }
        if (discountText != null && price != NumberParser.TOO_LARGE && quantity != NumberParser.TOO_LARGE) {
            String discounted = discount(discountText, quantity, price);
            if (discounted.startsWith("!")) {
                return reject(discounted.substring(1));
            }
            price = Long.parseLong(discounted);
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

    /** numerator / quantity, rounded half up (away from zero), as a long. */
    private static long divide(java.math.BigInteger numerator, long quantity) {
        return new java.math.BigDecimal(numerator).divide(java.math.BigDecimal.valueOf(quantity), 0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** The unit price after the discount (a rate of it, or an amount off the line), or "!reason" when it cannot be. */
    private String discount(String text, long quantity, long price) {
        if (discountIsRate) {
            long rate = numbers.parse(text, 6);
            if (rate == NumberParser.NOT_A_NUMBER || rate == NumberParser.TOO_LARGE) {
                return "!discount '" + text + "' is not a number";
            }
            if (rate < 0 || rate > 1_000_000) {
                return "!discount " + text + " is not a rate between 0 and 1";
            }
            return Long.toString(new java.math.BigDecimal(price).multiply(java.math.BigDecimal.valueOf(1_000_000 - rate))
                    .divide(java.math.BigDecimal.valueOf(1_000_000), 0, java.math.RoundingMode.HALF_UP).longValueExact());
        }
        long amount = numbers.parse(text, 4);
        if (amount == NumberParser.NOT_A_NUMBER || amount == NumberParser.TOO_LARGE) {
            return "!discount '" + text + "' is not a number";
        }
        // line value (x10^7) less the amount (x10^4 → x10^7), over the quantity (x10^3): a price x10^4
        java.math.BigInteger value = java.math.BigInteger.valueOf(quantity).multiply(java.math.BigInteger.valueOf(price))
                .subtract(java.math.BigInteger.valueOf(Math.abs(amount)).multiply(java.math.BigInteger.valueOf(1000))
                        .multiply(java.math.BigInteger.valueOf(Long.signum(quantity))));
        return Long.toString(divide(value, quantity));
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
