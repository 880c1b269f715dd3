package app.phare.common;

/** A set of 128-bit values (two longs) with open addressing: 16 bytes an entry, for de-duplicating line hashes. */
public final class LongPairSet {

    private long[] highs;
    private long[] lows;
    private boolean[] used;
    private int size;
    private int mask;

    public LongPairSet() {
        this(1 << 12);
    }

    public LongPairSet(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
        highs = new long[cap];
        lows = new long[cap];
        used = new boolean[cap];
        mask = cap - 1;
    }

    public boolean contains(long high, long low) {
        int i = slot(high, low);
        while (used[i]) {
            if (highs[i] == high && lows[i] == low) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** Adds the value; false if it was already there. */
    public boolean add(long high, long low) {
        if ((size + 1) * 4L > (mask + 1) * 3L) {
            grow();
        }
        int i = slot(high, low);
        while (used[i]) {
            if (highs[i] == high && lows[i] == low) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        highs[i] = high;
        lows[i] = low;
        size++;
        return true;
    }

    public void addAll(LongPairSet other) {
        // grow first: inserting another table's slots in order into a smaller table clusters badly
        while ((size + other.size) * 4L > (mask + 1) * 3L) {
            grow();
        }
        for (int i = 0; i < other.used.length; i++) {
            if (other.used[i]) {
                add(other.highs[i], other.lows[i]);
            }
        }
    }

    public int size() {
        return size;
    }

    /** Both halves fully mixed (MurmurHash3's finalizer), so that any keys spread, not only random ones. */
    private int slot(long high, long low) {
        long h = high ^ Long.rotateLeft(low, 32) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        boolean[] oldUsed = used;
        int cap = oldUsed.length * 2;
        highs = new long[cap];
        lows = new long[cap];
        used = new boolean[cap];
        mask = cap - 1;
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                add(oldHighs[i], oldLows[i]);
            }
        }
    }
}
