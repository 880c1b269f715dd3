package app.phare.aggregate;

import app.phare.common.IntSet;

/**
 * Exact measures of one group of order lines: sums at fixed scale (money 7 decimals, units 3) and the distinct
 * orders and customers with a positive line (as interned ids).
 */
final class SalesMeasures {

    long net;
    long returns;
    long units;
    private IntSet orders;
    private IntSet customers;
    /** The ids added last: an order's lines come one after another, so most adds repeat them. */
    private int lastOrder = -1;
    private int lastCustomer = -1;

    void add(long value, long positiveUnits, int order, int customer) {
        net = Math.addExact(net, value);
        if (value < 0) {
            returns = Math.subtractExact(returns, value);
        }
        units = Math.addExact(units, positiveUnits);
        if (order >= 0 && order != lastOrder) {
            lastOrder = order;
            if (orders == null) {
                orders = new IntSet();
            }
            orders.add(order);
        }
        if (customer >= 0 && customer != lastCustomer) {
            lastCustomer = customer;
            if (customers == null) {
                customers = new IntSet();
            }
            customers.add(customer);
        }
    }

    int orders() {
        return orders == null ? 0 : orders.size();
    }

    int customers() {
        return customers == null ? 0 : customers.size();
    }
}
