package com.rcm.j3490.workbook;

import com.rcm.j3490.backlog.ItemCodec;
import com.rcm.j3490.backlog.StoredItem;
import com.rcm.j3490.backlog.WorkItem;
import com.rcm.j3490.reconcile.LineCodec;
import com.rcm.j3490.rules.Status;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the open work items during one pass over the store and hands them back grouped by
 * worklist and in worklist order (amount at stake, largest first; appeal deadline, earliest first,
 * none last; then arrival). Items are spilled to a temporary file as they come; only a small sort
 * key per item (three numbers) stays in memory, so half a million items cost a few megabytes, not
 * a database sort of wide rows.
 */
public final class WorklistBuffer implements AutoCloseable {
    private final List<Status> order;
    private final Path file;
    private final DataOutputStream out;
    private long written;
    // Per kept line, in arrival order: where its bytes start, its worklist, its sort key. Blocks of
    // a fixed size rather than one doubling array: no copies, and no array large enough for the
    // garbage collector to treat as humongous.
    private final LongBlocks offsets = new LongBlocks();
    private final LongBlocks groups = new LongBlocks();
    private final LongBlocks amountCents = new LongBlocks();
    private final LongBlocks deadlineDays = new LongBlocks();

    public WorklistBuffer(List<Status> order, Path tempDir) {
        this.order = List.copyOf(order);
        try {
            Files.createDirectories(tempDir);
            this.file = Files.createTempFile(tempDir, "worklists-", ".bin");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file in " + tempDir, e);
        }
    }

    /** Keeps a decoded item when it belongs on a worklist (the store hands {@link StoredItem}s). */
    void add(WorkItem item) {
        add(StoredItem.of(item));
    }

    /** Keeps the stored item when it belongs on a worklist, its line as stored (decoded when read back). */
    public void add(StoredItem item) {
        LineCodec.Standing standing = item.standing();
        int group = order.indexOf(standing.status());
        if (group < 0) {
            return;
        }
        LocalDate deadline = standing.appealDeadline();
        add(ItemCodec.item(item), group, cents(standing.amountAtStake()),
                deadline == null ? Long.MAX_VALUE : deadline.toEpochDay());
    }

    /** Keeps an item under its own sort key: group (ascending), amount (largest first), day (earliest first). */
    void add(WorkItem item, long group, long amountCents, long day) {
        add(ItemCodec.item(item), group, amountCents, day);
    }

    private void add(byte[] data, long group, long amountCents, long day) {
        offsets.add(written);
        groups.add(group);
        this.amountCents.add(amountCents);
        deadlineDays.add(day);
        try {
            out.write(data);
            written += data.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long cents(java.math.BigDecimal amount) {
        return amount == null ? 0 : amount.setScale(2, java.math.RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    /** Every kept item, grouped by worklist in the order given, each group in worklist order. */
    public void forEachSorted(Consumer<WorkItem> sink) {
        Sorted sorted = sorted();
        sorted.forEach(0, sorted.index.length, sink);
    }

    /**
     * The kept items sorted once; each worklist's items can then be read on its own, on any
     * thread (every read opens the spill file on its own), so that worklists can be written side
     * by side. Call after the last {@link #add}.
     */
    public Sorted sorted() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sorted(sortedIndex());
    }

    /** The items in worklist order, by worklist. */
    public final class Sorted {
        private final int[] index;
        /** where each group's items start in {@link #index}; one more entry for the end */
        private final int[] starts;

        private Sorted(int[] index) {
            this.index = index;
            // with an order, the groups are its positions, ascending (a buffer without one sorts by
            // its own keys and is read whole)
            this.starts = new int[order.size() + 1];
            int i = 0;
            for (int g = 0; g < order.size(); g++) {
                starts[g] = i;
                while (i < index.length && groups.get(index[i]) == g) {
                    i++;
                }
            }
            starts[order.size()] = index.length;
        }

        /** Items kept for this worklist. */
        public int count(Status status) {
            int g = order.indexOf(status);
            return g < 0 ? 0 : starts[g + 1] - starts[g];
        }

        /** This worklist's items in worklist order. */
        public void forEach(Status status, Consumer<WorkItem> sink) {
            int g = order.indexOf(status);
            if (g >= 0) {
                forEach(starts[g], starts[g + 1], sink);
            }
        }

        private void forEach(int from, int to, Consumer<WorkItem> sink) {
            int size = offsets.size();
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                for (int k = from; k < to; k++) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new java.util.concurrent.CancellationException("the workbook step failed");
                    }
                    int i = index[k];
                    long start = offsets.get(i);
                    byte[] data = new byte[(int) ((i + 1 < size ? offsets.get(i + 1) : written) - start)];
                    in.seek(start);
                    in.readFully(data);
                    sink.accept(ItemCodec.item(data));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Worklist, then amount at stake (largest first), then deadline (earliest first); ties keep arrival order. */
    private int compare(int a, int b) {
        int byGroup = Long.compare(groups.get(a), groups.get(b));
        if (byGroup != 0) {
            return byGroup;
        }
        int byAmount = Long.compare(amountCents.get(b), amountCents.get(a));
        return byAmount != 0 ? byAmount : Long.compare(deadlineDays.get(a), deadlineDays.get(b));
    }

    /** The kept lines' positions in worklist order. */
    private int[] sortedIndex() {
        int[] packed = packedSortedIndex();
        return packed != null ? packed : mergeSortedIndex();
    }

    /**
     * The same order from one primitive sort: each line's group, amount (inverted) and day, and its
     * position last (so that ties keep arrival order), packed into one long, when they fit in 63
     * bits together (a night's amounts and deadlines do, by far). Null when they do not.
     */
    private int[] packedSortedIndex() {
        int size = offsets.size();
        if (size == 0) {
            return new int[0];
        }
        long minGroup = Long.MAX_VALUE;
        long maxGroup = Long.MIN_VALUE;
        long minAmount = Long.MAX_VALUE;
        long maxAmount = Long.MIN_VALUE;
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            minGroup = Math.min(minGroup, groups.get(i));
            maxGroup = Math.max(maxGroup, groups.get(i));
            minAmount = Math.min(minAmount, amountCents.get(i));
            maxAmount = Math.max(maxAmount, amountCents.get(i));
            long day = deadlineDays.get(i);
            if (day != Long.MAX_VALUE) {
                minDay = Math.min(minDay, day);
                maxDay = Math.max(maxDay, day);
            }
        }
        if (minDay > maxDay) { // no day at all
            minDay = 0;
            maxDay = 0;
        }
        // "none" sorts after every day: one more than the largest
        int groupBits = bits(maxGroup - minGroup);
        int amountBits = bits(maxAmount - minAmount);
        int dayBits = bits(maxDay - minDay + 1);
        int positionBits = bits(size - 1L);
        if (groupBits < 0 || amountBits < 0 || dayBits < 0 || groupBits + amountBits + dayBits + positionBits > 63) {
            return null;
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            long day = deadlineDays.get(i);
            long key = groups.get(i) - minGroup;
            key = key << amountBits | (maxAmount - amountCents.get(i)); // largest first
            key = key << dayBits | (day == Long.MAX_VALUE ? maxDay - minDay + 1 : day - minDay);
            keys[i] = key << positionBits | i;
        }
        java.util.Arrays.sort(keys);
        int[] index = new int[size];
        long positionMask = (1L << positionBits) - 1;
        for (int k = 0; k < size; k++) {
            index[k] = (int) (keys[k] & positionMask);
        }
        return index;
    }

    /** Bits that hold values 0..{@code range}; -1 when the range overflowed (wider than a long). */
    private static int bits(long range) {
        return range < 0 ? -1 : 64 - Long.numberOfLeadingZeros(range);
    }

    /**
     * The kept lines' positions in worklist order when the packed keys do not fit: a stable
     * bottom-up merge sort of primitive positions (the JDK sorts primitives only by their own value,
     * and boxing a position per line would cost 16 bytes a line for the length of the sort).
     */
    private int[] mergeSortedIndex() {
        int size = offsets.size();
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        int[] b = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    // "<= 0" takes the left run first on ties: stable
                    b[k] = i < mid && (j >= hi || compare(a[i], a[j]) <= 0) ? a[i++] : a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** A growing list of longs in fixed blocks of 256 KB. */
    private static final class LongBlocks {
        private static final int SHIFT = 15;
        private static final int MASK = (1 << SHIFT) - 1;
        private long[][] blocks = new long[16][];
        private int size;

        void add(long value) {
            int block = size >>> SHIFT;
            if (block == blocks.length) {
                blocks = Arrays.copyOf(blocks, blocks.length * 2);
            }
            if (blocks[block] == null) {
                blocks[block] = new long[1 << SHIFT];
            }
            blocks[block][size & MASK] = value;
            size++;
        }

        long get(int i) {
            return blocks[i >>> SHIFT][i & MASK];
        }

        int size() {
            return size;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the OS temp cleaner takes what is left
        }
    }
}
