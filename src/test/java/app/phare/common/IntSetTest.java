package app.phare.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact distinct counts of non-negative ints. */
class IntSetTest {

    @Test
    void startsEmpty() {
        assertThat(new IntSet().size()).isZero();
    }

    @Test
    void countsDistinctValues() {
        IntSet set = new IntSet();
        set.add(3);
        set.add(1);
        set.add(2);
        assertThat(set.size()).isEqualTo(3);
    }

    @Test
    void ignoresDuplicates() {
        IntSet set = new IntSet();
        set.add(7);
        set.add(7);
        set.add(7);
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void countsZeroAndLargestInt() {
        IntSet set = new IntSet();
        set.add(0);
        set.add(Integer.MAX_VALUE);
        set.add(0);
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void keepsCountingAcrossGrowth() {
        IntSet set = new IntSet();
        for (int round = 0; round < 2; round++) {
            for (int v = 0; v < 100_000; v++) {
                set.add(v * 31);
            }
        }
        assertThat(set.size()).isEqualTo(100_000);
    }

    @Test
    void countsValuesThatCollideInTheTable() {
        IntSet set = new IntSet();
        for (int i = 0; i < 1_000; i++) {
            set.add(i << 20);
            set.add(i << 20);
        }
        assertThat(set.size()).isEqualTo(1_000);
    }
}
