package app.phare.source;

import java.util.List;

/** What a source's files contain, and the fields its mapping names (required ones first). */
public enum SourceKind {
    orders(List.of(f("orderId", true), f("orderedAt", true), f("sku", true), f("description", false),
            f("quantity", true), f("unitPrice", false), f("customerId", false), f("country", false), f("channel", false),
            f("lineAmount", false), f("discount", false))),
    crm_deals(List.of(f("dealId", true), f("stage", true), f("owner", false), f("account", false), f("product", false),
            f("engagedOn", false), f("closedOn", false), f("value", false), f("currency", false))),
    ad_campaigns(List.of(f("day", true), f("platform", false), f("campaign", true), f("adSet", false), f("ad", false),
            f("impressions", false), f("clicks", false), f("spend", true), f("conversions", false),
            f("conversionValue", false))),
    products(List.of(f("sku", true), f("name", false), f("category", false), f("unitCost", false), f("aliases", false))),
    inventory(List.of(f("snapshotDate", false), f("sku", true), f("onHand", true), f("onOrder", false),
            f("reorderLevel", false)));

    /** A field of a kind's mapping. */
    public record Field(String name, boolean required) {
    }

    private final List<Field> fields;

    SourceKind(List<Field> fields) {
        this.fields = fields;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The field names, in order: the positions of a record's values. */
    public String[] fieldNames() {
        return fields.stream().map(Field::name).toArray(String[]::new);
    }

    private static Field f(String name, boolean required) {
        return new Field(name, required);
    }
}
