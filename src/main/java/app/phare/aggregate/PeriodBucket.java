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

    /** The groups of the country and channel added last: an order's lines come one after another. */
    private String lastCountry;
    private String lastChannel;
    private SalesMeasures lastByCountry;
    private SalesMeasures lastByChannel;
    private SalesMeasures lastByCountryChannel;

    void add(String country, String channel, int product, long value, long units, int order, int customer) {
        all.add(value, units, order, customer);
        if (!country.equals(lastCountry) || !channel.equals(lastChannel)) {
            lastCountry = country;
            lastChannel = channel;
            lastByCountry = byCountry.computeIfAbsent(country, k -> new SalesMeasures());
            lastByChannel = byChannel.computeIfAbsent(channel, k -> new SalesMeasures());
            lastByCountryChannel = byCountryChannel.computeIfAbsent(country, k -> new HashMap<>())
                    .computeIfAbsent(channel, k -> new SalesMeasures());
        }
        lastByCountry.add(value, units, order, customer);
        lastByChannel.add(value, units, order, customer);
        lastByCountryChannel.add(value, units, order, customer);
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
