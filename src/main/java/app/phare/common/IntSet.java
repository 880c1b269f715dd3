package app.phare.common;

/**
 * A small open-addressing set of non-negative ints, for exact distinct counts of interned ids. Slots hold the value
 * plus one, so that a new array (all zeros) is empty without being filled.
 */
public final class IntSet {

    private int[] slots = new int[4];
    private int size;

    public void add(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        insert(v + 1);
    }

    private void insert(int stored) {
        int mask = slots.length - 1;
        int i = mix(stored) & mask;
        int s;
        while ((s = slots[i]) != 0) {
            if (s == stored) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = stored;
        size++;
    }

    public int size() {
        return size;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        size = 0;
        for (int s : old) {
            if (s != 0) {
                insert(s);
            }
        }
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
