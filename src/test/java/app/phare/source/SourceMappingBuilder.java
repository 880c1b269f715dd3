package app.phare.source;

/** Test data builder for {@link SourceMapping}: all nine fields, mapped to snake_case header names by default. */
public final class SourceMappingBuilder {

    private String orderId = "order_id";
    private String orderedAt = "ordered_at";
    private String sku = "sku";
    private String description = "description";
    private String quantity = "quantity";
    private String unitPrice = "unit_price";
    private String customerId = "customer_id";
    private String country = "country";
    private String channel = "channel";

    private SourceMappingBuilder() {
    }

    public static SourceMappingBuilder aMapping() {
        return new SourceMappingBuilder();
    }

    /** Columns 1 to 9 in the product's field order, for files without a header. */
    public static SourceMappingBuilder aNumberedMapping() {
        SourceMappingBuilder b = new SourceMappingBuilder();
        b.orderId = "1";
        b.orderedAt = "2";
        b.sku = "3";
        b.description = "4";
        b.quantity = "5";
        b.unitPrice = "6";
        b.customerId = "7";
        b.country = "8";
        b.channel = "9";
        return b;
    }

    public SourceMappingBuilder orderId(String column) {
        this.orderId = column;
        return this;
    }

    public SourceMappingBuilder orderedAt(String column) {
        this.orderedAt = column;
        return this;
    }

    public SourceMappingBuilder sku(String column) {
        this.sku = column;
        return this;
    }

    public SourceMappingBuilder description(String column) {
        this.description = column;
        return this;
    }

    public SourceMappingBuilder quantity(String column) {
        this.quantity = column;
        return this;
    }

    public SourceMappingBuilder unitPrice(String column) {
        this.unitPrice = column;
        return this;
    }

    public SourceMappingBuilder customerId(String column) {
        this.customerId = column;
        return this;
    }

    public SourceMappingBuilder country(String column) {
        this.country = column;
        return this;
    }

    public SourceMappingBuilder channel(String column) {
        this.channel = column;
        return this;
    }

    public SourceMapping build() {
        return SourceMapping.orders(orderId, orderedAt, sku, description, quantity, unitPrice, customerId, country, channel);
    }
}
