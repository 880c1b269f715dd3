package app.phare.demo;

import java.util.List;
import java.util.Random;

/** The Demo shop's products (stable prices, categories with seasonal demand) and its customers' countries. */
final class DemoCatalogue {

    /** Product families; the weights say how much each sells in January..December, relative to its usual. */
    enum Category {
        HOME(1, 1, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.2, 1.1),
        KITCHEN(1.1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.2),
        STATIONERY(1.3, 1, 1, 1, 1, 0.9, 0.9, 1.3, 1.5, 1, 1, 0.9),
        GIFTS(0.6, 1.3, 1.2, 1, 1, 1.1, 1, 1, 1, 1.2, 1.8, 2.0),
        GARDEN(0.3, 0.5, 1.1, 1.8, 2.0, 1.8, 1.5, 1.0, 0.6, 0.4, 0.3, 0.3),
        CHRISTMAS(0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.1, 0.8, 3.0, 3.0);

        private final double[] monthly;

        Category(double... monthly) {
            this.monthly = monthly;
        }
    }

    /** A product with a price in pennies and a popularity weight. */
    record Product(String sku, String description, long pennies, Category category, int popularity) {
    }

    static final String UNITED_KINGDOM = "United Kingdom";

    static final List<Product> PRODUCTS = List.of(
            p("CND-001", "Soy candle, fig & cassis", 1450, Category.HOME, 6),
            p("CND-002", "Soy candle, sea salt", 1450, Category.HOME, 5),
            p("CND-003", "Tealights, pack of 24", 450, Category.HOME, 8),
            p("CUS-001", "Linen cushion cover, sage", 2200, Category.HOME, 4),
            p("CUS-002", "Linen cushion cover, ochre", 2200, Category.HOME, 3),
            p("CUS-003", "Feather cushion pad 45cm", 1200, Category.HOME, 3),
            p("THR-001", "Wool throw, grey herringbone", 5800, Category.HOME, 2),
            p("VAS-001", "Stoneware bud vase", 1600, Category.HOME, 3),
            p("VAS-002", "Glass vase, tall", 2400, Category.HOME, 2),
            p("FRM-001", "Oak photo frame 5x7", 1800, Category.HOME, 3),
            p("FRM-002", "Oak photo frame A4", 2600, Category.HOME, 2),
            p("LMP-001", "Rattan table lamp", 5500, Category.HOME, 1),
            p("DOR-001", "Coir doormat \"Hello\"", 2000, Category.HOME, 2),
            p("CLK-001", "Wall clock, Scandi white", 3400, Category.HOME, 1),
            p("BSK-001", "Seagrass basket, medium", 1900, Category.HOME, 3),
            p("MUG-001", "Enamel mug, cream", 850, Category.KITCHEN, 9),
            p("MUG-002", "Stoneware mug, speckled blue", 1200, Category.KITCHEN, 7),
            p("MUG-003", "Stoneware mug, speckled green", 1200, Category.KITCHEN, 5),
            p("MUG-004", "Espresso cups, set of 2", 1600, Category.KITCHEN, 3),
            p("TWL-001", "Tea towel, lemons", 750, Category.KITCHEN, 7),
            p("TWL-002", "Tea towel, \"Keep Calm\" print", 750, Category.KITCHEN, 4),
            p("TWL-003", "Linen tea towel, natural", 1100, Category.KITCHEN, 4),
            p("JAR-001", "Storage jar with bamboo lid", 950, Category.KITCHEN, 4),
            p("JAR-002", "Kilner jar, 1 litre", 650, Category.KITCHEN, 4),
            p("BRD-001", "Acacia chopping board", 2800, Category.KITCHEN, 3),
            p("BRD-002", "Olive wood serving board", 3900, Category.KITCHEN, 2),
            p("APR-001", "Denim apron", 2400, Category.KITCHEN, 2),
            p("TPT-001", "Teapot, 4 cup, matt black", 3200, Category.KITCHEN, 2),
            p("SPN-001", "Wooden spoons, set of 3", 900, Category.KITCHEN, 4),
            p("OIL-001", "Oil & vinegar set", 2600, Category.KITCHEN, 2),
            p("GLS-001", "Tumblers, set of 4", 2200, Category.KITCHEN, 3),
            p("NBK-001", "A5 notebook, dotted", 1200, Category.STATIONERY, 8),
            p("NBK-002", "A5 notebook, lined", 1200, Category.STATIONERY, 7),
            p("NBK-003", "Pocket notebooks, set of 3", 950, Category.STATIONERY, 5),
            p("PEN-001", "Gel pens, black, pack of 5", 650, Category.STATIONERY, 6),
            p("PEN-002", "Brush pens, pastel, pack of 6", 1100, Category.STATIONERY, 4),
            p("PCL-001", "HB pencils, pack of 10", 350, Category.STATIONERY, 6),
            p("PCL-002", "Colouring pencils, tin of 24", 1500, Category.STATIONERY, 3),
            p("ERS-001", "Eraser", 150, Category.STATIONERY, 4),
            p("WSH-001", "Washi tape, botanical, 3 rolls", 750, Category.STATIONERY, 4),
            p("PLN-001", "Weekly planner, undated", 1600, Category.STATIONERY, 3),
            p("CAL-001", "Wall calendar, illustrated", 1400, Category.STATIONERY, 3),
            p("ENV-001", "Kraft envelopes, pack of 20", 450, Category.STATIONERY, 3),
            p("STK-001", "Sticky notes, 6 pads", 500, Category.STATIONERY, 4),
            p("DSK-001", "Desk tidy, birch ply", 2200, Category.STATIONERY, 2),
            p("CRD-001", "Greeting card, birthday", 325, Category.GIFTS, 8),
            p("CRD-002", "Greeting card, thank you", 325, Category.GIFTS, 5),
            p("CRD-003", "Greeting cards, blank, pack of 6", 1200, Category.GIFTS, 3),
            p("WRP-001", "Gift wrap, 3 sheets and tags", 600, Category.GIFTS, 4),
            p("SOC-001", "Wool socks, gift box", 1800, Category.GIFTS, 3),
            p("SOA-001", "Olive oil soap, lavender", 550, Category.GIFTS, 6),
            p("SOA-002", "Hand cream, 75ml", 1250, Category.GIFTS, 4),
            p("TOT-001", "Canvas tote bag, \"Phare\" lighthouse", 1500, Category.GIFTS, 3),
            p("KEY-001", "Brass keyring, anchor", 800, Category.GIFTS, 3),
            p("SCF-001", "Lambswool scarf, tartan", 3500, Category.GIFTS, 2),
            p("GFT-001", "Pamper gift set, bath & body", 3200, Category.GIFTS, 2),
            p("GFT-002", "Gift voucher, £25", 2500, Category.GIFTS, 2),
            p("GFT-003", "Gift voucher, £50", 5000, Category.GIFTS, 1),
            p("JIG-001", "Jigsaw puzzle, 1000 pieces", 2000, Category.GIFTS, 3),
            p("GAM-001", "Card game, family edition", 1500, Category.GIFTS, 2),
            p("SED-001", "Seeds, wildflower mix", 350, Category.GARDEN, 6),
            p("SED-002", "Seeds, tomato \"Gardener's Delight\"", 275, Category.GARDEN, 5),
            p("SED-003", "Seeds, sweet pea", 275, Category.GARDEN, 4),
            p("POT-001", "Terracotta pot, 15cm", 450, Category.GARDEN, 5),
            p("POT-002", "Terracotta pot, 25cm", 950, Category.GARDEN, 3),
            p("POT-003", "Glazed planter, blue", 2900, Category.GARDEN, 2),
            p("GLV-001", "Gardening gloves, size M", 1100, Category.GARDEN, 4),
            p("TRW-001", "Trowel & fork set", 1900, Category.GARDEN, 3),
            p("CAN-001", "Galvanised watering can, 5l", 3400, Category.GARDEN, 2),
            p("TWN-001", "Jute garden twine", 300, Category.GARDEN, 4),
            p("LBL-001", "Plant labels, slate, pack of 10", 850, Category.GARDEN, 3),
            p("FDR-001", "Bird feeder, hanging", 1600, Category.GARDEN, 3),
            p("HRB-001", "Herb growing kit", 1800, Category.GARDEN, 3),
            p("KNL-001", "Kneeler pad", 1300, Category.GARDEN, 2),
            p("SLR-001", "Solar lantern", 2200, Category.GARDEN, 2),
            p("XMS-001", "Christmas cards, pack of 10", 850, Category.CHRISTMAS, 8),
            p("XMS-002", "Glass baubles, set of 6", 1400, Category.CHRISTMAS, 5),
            p("XMS-003", "Advent calendar, wooden", 3500, Category.CHRISTMAS, 2),
            p("XMS-004", "Felt stocking, red", 1500, Category.CHRISTMAS, 3),
            p("XMS-005", "LED string lights, 10m", 1800, Category.CHRISTMAS, 4),
            p("XMS-006", "Wreath kit, dried flowers", 4200, Category.CHRISTMAS, 1),
            p("XMS-007", "Christmas crackers, luxury, box of 6", 2400, Category.CHRISTMAS, 3),
            p("XMS-008", "Mulled wine spices", 650, Category.CHRISTMAS, 4),
            p("XMS-009", "Tree decoration, wooden star", 450, Category.CHRISTMAS, 6),
            p("XMS-010", "Nativity set, hand-painted", 5900, Category.CHRISTMAS, 1));

    private static final String[] COUNTRIES = {UNITED_KINGDOM, "France", "Germany", "Netherlands", "Ireland", "Spain",
            "Belgium", "Italy", "Sweden", "Denmark", "Switzerland", "Portugal", "Norway", "United States", "Australia"};
    private static final double[] COUNTRY_WEIGHTS = DemoWeights.cumulative(
            660, 65, 65, 45, 45, 30, 30, 12, 10, 8, 8, 8, 5, 8, 6);

    /** Cumulative product weights for each month, January first. */
    private static final double[][] BY_MONTH = new double[12][];

    static {
        for (int month = 0; month < 12; month++) {
            double[] weights = new double[PRODUCTS.size()];
            for (int i = 0; i < weights.length; i++) {
                Product product = PRODUCTS.get(i);
                weights[i] = product.popularity() * product.category().monthly[month];
            }
            BY_MONTH[month] = DemoWeights.cumulative(weights);
        }
    }

    private DemoCatalogue() {
    }

    /** A product, by popularity and its category's demand in the month (1..12). */
    static Product product(int month, Random random) {
        return PRODUCTS.get(DemoWeights.pick(BY_MONTH[month - 1], random));
    }

    /** A country for a customer's address; about two in three are in the United Kingdom. */
    static String country(Random random) {
        return COUNTRIES[DemoWeights.pick(COUNTRY_WEIGHTS, random)];
    }

    private static Product p(String sku, String description, long pennies, Category category, int popularity) {
        return new Product(sku, description, pennies, category, popularity);
    }
}
