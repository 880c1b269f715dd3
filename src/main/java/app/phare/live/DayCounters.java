package app.phare.live;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** A tenant's live figures of one day, as events add up. Not thread-safe: its owner synchronises. */
final class DayCounters {

    private BigDecimal sales = BigDecimal.ZERO;
    private BigDecimal refunded = BigDecimal.ZERO;
    private long units;
    private long refunds;
    private final Set<String> orders = new HashSet<>();
    private final Set<String> sessions = new HashSet<>();
    private final Set<String> cartSessions = new HashSet<>();
    private final Set<String> buyingSessions = new HashSet<>();

    void add(LiveEvent e) {
        if (e.sessionId() != null) {
            sessions.add(e.sessionId());
        }
        switch (e.type()) {
            case LiveEvent.PURCHASE -> {
                // an order paid in two events counts once, its value twice (both were paid)
                orders.add(e.orderId());
                sales = sales.add(e.amount());
                units += e.units();
                if (e.sessionId() != null) {
                    buyingSessions.add(e.sessionId());
                }
            }
            case LiveEvent.REFUND -> {
                refunds++;
                refunded = refunded.add(e.amount());
            }
            case LiveEvent.CART_ADD -> cartSessions.add(e.sessionId());
            default -> {
            }
        }
    }

    LiveFigures figures(java.time.LocalDate day) {
        Double conversion = sessions.isEmpty() ? null : 100.0 * buyingSessions.size() / sessions.size();
        return new LiveFigures(day, LiveFigures.LIVE, sales.subtract(refunded), orders.size(), units, refunds, refunded,
                sessions.size(), cartSessions.size(), conversion, null);
    }
}
