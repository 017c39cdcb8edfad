package com.rcm.j3490.workbook;

import com.rcm.j3490.rules.LineCodec;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the worklist lines during a pass over all lines and hands them back grouped by
 * worklist and in worklist order (amount at stake, largest first; appeal deadline, earliest first;
 * then arrival). Lines are spilled to a temporary file as they come; only a small sort key per
 * line (three numbers) stays in memory, so a million lines cost a few megabytes, not a database
 * sort of wide rows.
 */
public final class WorklistBuffer implements AutoCloseable {
    private final List<Status> order;
    private final Path file;
    private final DataOutputStream out;
    private long written;
    private int size;
    private long[] offsets = new long[1024];
    /** worklist index (high 8 bits) | arrival (low bits): ties keep arrival order. */
    private long[] groupAndArrival = new long[1024];
    private long[] amountCents = new long[1024];
    private long[] deadlineDays = new long[1024];

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

    /** Keeps the line when it belongs on a worklist; others are ignored. */
    public void add(ReconciledLine line) {
        int group = order.indexOf(line.status());
        if (group < 0) {
            return;
        }
        if (size == offsets.length) {
            int capacity = size * 2;
            offsets = Arrays.copyOf(offsets, capacity);
            groupAndArrival = Arrays.copyOf(groupAndArrival, capacity);
            amountCents = Arrays.copyOf(amountCents, capacity);
            deadlineDays = Arrays.copyOf(deadlineDays, capacity);
        }
        offsets[size] = written;
        groupAndArrival[size] = ((long) group << 56) | size;
        amountCents[size] = line.amountAtStake().movePointRight(2).longValueExact();
        deadlineDays[size] = line.appealDeadline() == null ? Long.MAX_VALUE : line.appealDeadline().toEpochDay();
        size++;
        try {
            byte[] data = LineCodec.encode(line);
            out.write(data);
            written += data.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every kept line, grouped by worklist in the order given, each group in worklist order. */
    public void forEachSorted(Consumer<ReconciledLine> sink) {
        try {
            out.flush();
            Integer[] index = new Integer[size];
            for (int i = 0; i < size; i++) {
                index[i] = i;
            }
            Arrays.sort(index, (a, b) -> {
                int byGroup = Long.compare(groupAndArrival[a] >>> 56, groupAndArrival[b] >>> 56);
                if (byGroup != 0) {
                    return byGroup;
                }
                int byAmount = Long.compare(amountCents[b], amountCents[a]);
                if (byAmount != 0) {
                    return byAmount;
                }
                int byDeadline = Long.compare(deadlineDays[a], deadlineDays[b]);
                return byDeadline != 0 ? byDeadline : Integer.compare(a, b);
            });
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                for (Integer i : index) {
                    long start = offsets[i];
                    byte[] data = new byte[(int) ((i + 1 < size ? offsets[i + 1] : written) - start)];
                    in.seek(start);
                    in.readFully(data);
                    sink.accept(LineCodec.decode(data));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
