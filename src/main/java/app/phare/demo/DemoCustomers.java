package app.phare.demo;

import java.util.Random;

/** The Demo shop's customer pool: stable ids and countries, and a Zipf-like skew in how often each one orders. */
final class DemoCustomers {

    /** A registered customer. */
    record Customer(String id, String country) {
    }

    private static final int POOL = 3000;
    private static final int FIRST_ID = 12_000;
    /** Weight 1 / (rank + OFFSET): the best customer orders two or three times a week, the rarest about once a year. */
    private static final double OFFSET = 20;
    private static final int ATTEMPTS = 50;

    private final Customer[] byRank = new Customer[POOL];
    private final double[] cumulative;

    DemoCustomers(Random random) {
        int[] ids = new int[POOL];
        for (int i = 0; i < POOL; i++) {
            ids[i] = FIRST_ID + 3 * i + random.nextInt(3);
        }
        for (int i = POOL - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        double[] weights = new double[POOL];
        for (int rank = 0; rank < POOL; rank++) {
            byRank[rank] = new Customer(Integer.toString(ids[rank]), DemoCatalogue.country(random));
            weights[rank] = 1 / (rank + OFFSET);
        }
        cumulative = DemoWeights.cumulative(weights);
    }

    /** A customer placing an order; for the store, one living in the United Kingdom. */
    Customer pick(Random random, boolean local) {
        Customer customer = byRank[DemoWeights.pick(cumulative, random)];
        for (int attempt = 1; local && attempt < ATTEMPTS
                && !customer.country().equals(DemoCatalogue.UNITED_KINGDOM); attempt++) {
            customer = byRank[DemoWeights.pick(cumulative, random)];
        }
        return customer;
    }
}
