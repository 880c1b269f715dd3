package app.phare.common;

/** A small open-addressing set of non-negative ints, for exact distinct counts of interned ids. */
public final class IntSet {

    private int[] slots = new int[4];
    private int size;

    public IntSet() {
        java.util.Arrays.fill(slots, -1);
    }

    public void add(int v) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(v) & mask;
        while (slots[i] != -1) {
            if (slots[i] == v) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = v;
        size++;
    }

    public int size() {
        return size;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        java.util.Arrays.fill(slots, -1);
        size = 0;
        for (int v : old) {
            if (v != -1) {
                add(v);
            }
        }
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
