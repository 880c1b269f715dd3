package app.phare.insight;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The KPIs insights and alerts watch. Daily ones come from the pre-aggregated tables after each nightly run; the
 * live ones (the last hour) from the event stream.
 */
public enum Kpi {
    NET_REVENUE("net_revenue", "Net revenue", Family.SALES, true, false),
    ORDERS("orders", "Orders", Family.SALES, false, false),
    AVERAGE_ORDER_VALUE("aov", "Average order value", Family.SALES, true, false),
    RETURNS("returns", "Returns", Family.SALES, true, false),
    AD_SPEND("ad_spend", "Ad spend", Family.ADS, true, false),
    CLICKS("clicks", "Clicks", Family.ADS, false, false),
    CONVERSIONS("conversions", "Conversions", Family.ADS, false, false),
    ROAS("roas", "Return on ad spend", Family.ADS, false, false),
    WON_DEAL_VALUE("won_value", "Won deal value", Family.DEALS, true, false),
    LIVE_ORDERS_HOUR("live_orders_hour", "Orders in the last hour", Family.LIVE, false, true),
    LIVE_REVENUE_HOUR("live_revenue_hour", "Revenue in the last hour", Family.LIVE, true, true);

    /** Where a KPI's numbers come from. */
    public enum Family { SALES, ADS, DEALS, LIVE }

    @com.fasterxml.jackson.annotation.JsonValue
    public final String key;
    public final String label;
    public final Family family;
    public final boolean money;
    public final boolean live;

    Kpi(String key, String label, Family family, boolean money, boolean live) {
        this.key = key;
        this.label = label;
        this.family = family;
        this.money = money;
        this.live = live;
    }

    public static Optional<Kpi> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** The daily KPIs, in the order pages list them. */
    public static List<Kpi> daily() {
        return Arrays.stream(values()).filter(k -> !k.live).toList();
    }

    /** Ratio KPIs: their dimension values do not add up to the total, so they are explained through their numerator. */
    public boolean ratio() {
        return this == AVERAGE_ORDER_VALUE || this == ROAS;
    }
}
