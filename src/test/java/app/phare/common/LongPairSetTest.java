package app.phare.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/** The set of 128-bit line hashes used to drop duplicate order lines. */
class LongPairSetTest {

    @Test
    void addReportsWhetherTheValueIsNew() {
        LongPairSet set = new LongPairSet();
        assertThat(set.add(1, 2)).isTrue();
        assertThat(set.add(1, 2)).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void containsOnlyWhatWasAdded() {
        LongPairSet set = new LongPairSet();
        set.add(1, 2);
        assertThat(set.contains(1, 2)).isTrue();
        assertThat(set.contains(2, 1)).isFalse();
        assertThat(set.contains(1, 3)).isFalse();
        assertThat(set.contains(0, 2)).isFalse();
    }

    @Test
    void pairsDifferingInOneHalfAreDistinct() {
        LongPairSet set = new LongPairSet();
        set.add(1, 2);
        set.add(2, 1);
        set.add(1, 3);
        set.add(Long.MIN_VALUE, 2);
        assertThat(set.size()).isEqualTo(4);
    }

    @Test
    void holdsZeroAndExtremeValues() {
        LongPairSet set = new LongPairSet(16);
        assertThat(set.contains(0, 0)).isFalse();
        assertThat(set.add(0, 0)).isTrue();
        assertThat(set.add(Long.MAX_VALUE, Long.MIN_VALUE)).isTrue();
        assertThat(set.add(-1, -1)).isTrue();
        assertThat(set.contains(0, 0)).isTrue();
        assertThat(set.contains(Long.MAX_VALUE, Long.MIN_VALUE)).isTrue();
        assertThat(set.contains(-1, -1)).isTrue();
    }

    @Test
    void keepsAMillionRandomEntriesAcrossGrowth() {
        LongPairSet set = new LongPairSet(16);
        Random random = new Random(42);
        for (int i = 0; i < 1_000_000; i++) {
            set.add(random.nextLong(), random.nextLong());
        }
        assertThat(set.size()).isEqualTo(1_000_000);

        Random again = new Random(42);
        for (int i = 0; i < 1_000_000; i++) {
            long high = again.nextLong();
            long low = again.nextLong();
            if (!set.contains(high, low) || set.add(high, low)) {
                throw new AssertionError("entry " + i + " lost after growth");
            }
        }
        Random other = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            if (set.contains(other.nextLong(), other.nextLong())) {
                throw new AssertionError("a value never added is reported as present");
            }
        }
        assertThat(set.size()).isEqualTo(1_000_000);
    }

    @Test
    void keepsSequentialEntries() {
        // kept small: the slot mixes high but not low, so runs of consecutive lows cluster (line hashes are random)
        LongPairSet set = new LongPairSet(16);
        for (int i = 0; i < 10_000; i++) {
            set.add(i, i + 1);
            set.add(0, i);
        }
        assertThat(set.size()).isEqualTo(20_000 - 1); // (0, 1) is added twice
        assertThat(set.contains(9_999, 10_000)).isTrue();
        assertThat(set.contains(0, 9_999)).isTrue();
    }

    @Test
    void addAllOfALargeSetIntoASmallOneKeepsEveryEntryOnce() {
        LongPairSet large = new LongPairSet();
        Random random = new Random(1);
        long[][] values = new long[500_000][2];
        for (long[] v : values) {
            v[0] = random.nextLong();
            v[1] = random.nextLong();
            large.add(v[0], v[1]);
        }
        LongPairSet small = new LongPairSet(16);
        small.add(values[0][0], values[0][1]);
        small.add(5, 6);

        assertTimeout(Duration.ofSeconds(30), () -> small.addAll(large));

        assertThat(small.size()).isEqualTo(500_001);
        assertThat(small.contains(5, 6)).isTrue();
        for (long[] v : values) {
            if (!small.contains(v[0], v[1])) {
                throw new AssertionError("lost " + v[0] + "," + v[1]);
            }
        }
    }

    @Test
    void addAllOfAnEmptySetChangesNothing() {
        LongPairSet set = new LongPairSet();
        set.add(1, 1);
        set.addAll(new LongPairSet());
        assertThat(set.size()).isEqualTo(1);
    }
}
