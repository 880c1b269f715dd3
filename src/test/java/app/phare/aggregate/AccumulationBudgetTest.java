package app.phare.aggregate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Accumulations of loaded lines share one heap budget: one that outgrows it gives up, and every one gives its share back. */
class AccumulationBudgetTest {

    private static void feed(Accumulation acc, long lines) {
        for (long i = 0; i < lines; i++) {
            acc.add(LocalDate.of(2025, 1, 1).plusDays(i % 60), "France", "web", "SKU-" + i % 7, "O" + i / 3, "C" + i % 11,
                    1000, 25_000);
        }
    }

    @Test
    void anAccumulationGivesUpWhenTheSharedBudgetRunsOutAndGivesItsShareBack() {
        AtomicLong budget = new AtomicLong(3 * Accumulation.CHUNK);
        Accumulation first = new Accumulation(null, Long.MAX_VALUE, budget);
        feed(first, 2 * Accumulation.CHUNK);
        assertThat(first.abandoned()).isFalse();
        assertThat(budget.get()).isEqualTo(Accumulation.CHUNK);

        // the second finds one chunk left: past it, it gives up and returns what it held
        Accumulation second = new Accumulation(null, Long.MAX_VALUE, budget);
        feed(second, Accumulation.CHUNK + 1);
        assertThat(second.abandoned()).isTrue();
        assertThat(second.months).isEmpty();
        assertThat(budget.get()).isEqualTo(Accumulation.CHUNK);

        // written (or given up), the first returns its share; abandoning twice returns nothing more
        first.abandon();
        first.abandon();
        assertThat(budget.get()).isEqualTo(3 * Accumulation.CHUNK);
        Accumulation third = new Accumulation(null, Long.MAX_VALUE, budget);
        feed(third, 3 * Accumulation.CHUNK);
        assertThat(third.abandoned()).isFalse();
        assertThat(third.lines()).isEqualTo(3 * Accumulation.CHUNK);
    }

    @Test
    void theLineLimitStillApplies() {
        Accumulation dryRun = new Accumulation(null, 0, new AtomicLong(Accumulation.CHUNK));
        feed(dryRun, 1);
        assertThat(dryRun.abandoned()).isTrue();
    }
}
