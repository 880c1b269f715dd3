package app.phare.aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The groups of one day or month: overall, by country, by channel, by country and channel, and by product. */
final class PeriodBucket {

    final LocalDate period;
    final SalesMeasures all = new SalesMeasures();
    final Map<String, SalesMeasures> byCountry = new HashMap<>();
    final Map<String, SalesMeasures> byChannel = new HashMap<>();
    final Map<String, Map<String, SalesMeasures>> byCountryChannel = new HashMap<>();
    /** By product, indexed by the accumulation's product id. */
    SalesMeasures[] byProduct = new SalesMeasures[64];

    PeriodBucket(LocalDate period) {
        this.period = period;
    }

    void add(String country, String channel, int product, long value, long units, int order, int customer) {
        all.add(value, units, order, customer);
        byCountry.computeIfAbsent(country, k -> new SalesMeasures()).add(value, units, order, customer);
        byChannel.computeIfAbsent(channel, k -> new SalesMeasures()).add(value, units, order, customer);
        byCountryChannel.computeIfAbsent(country, k -> new HashMap<>())
                .computeIfAbsent(channel, k -> new SalesMeasures()).add(value, units, order, customer);
        if (product >= byProduct.length) {
            byProduct = java.util.Arrays.copyOf(byProduct, Math.max(product + 1, byProduct.length * 2));
        }
        SalesMeasures m = byProduct[product];
        if (m == null) {
            m = new SalesMeasures();
            byProduct[product] = m;
        }
        m.add(value, units, order, customer);
    }
}
