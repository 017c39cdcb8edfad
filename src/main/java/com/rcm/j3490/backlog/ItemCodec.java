package com.rcm.j3490.backlog;

import com.rcm.j3490.reconcile.LineCodec;
import com.rcm.j3490.rules.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary forms the store keeps beside an item's columns: the team's added columns (an ordered
 * header → value map), and the undo image of an item (the whole item, when its row last changed,
 * and whether that change opened it), which a restart or rerun of a date restores. The line
 * inside is in {@link LineCodec}'s form. Version byte first, so a later layout can still read it.
 */
public final class ItemCodec {
    private static final int VERSION = 1;

    private ItemCodec() {
    }

    /** A whole item in the store's binary form (the workbook spills items to sort them). */
    public static byte[] item(WorkItem item) {
        return undo(new Undo(item, LocalDate.EPOCH, false));
    }

    public static WorkItem item(byte[] data) {
        return undo(data).item();
    }

    /** An item as it was before a night changed it. */
    record Undo(WorkItem item, LocalDate changedOn, boolean openedOnChange) {
    }

    static byte[] extra(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        return write(out -> writeExtra(out, extra));
    }

    static Map<String, String> extra(byte[] data) {
        if (data == null) {
            return Map.of();
        }
        return read(data, ItemCodec::readExtra);
    }

    static byte[] undo(Undo undo) {
        return write(out -> {
            WorkItem i = undo.item();
            out.writeLong(undo.changedOn().toEpochDay());
            out.writeBoolean(undo.openedOnChange());
            str(out, i.key().payerId());
            str(out, i.key().claimId());
            str(out, i.key().lineNumber());
            date(out, i.firstSeen());
            str(out, i.openingStatus().name());
            dec(out, i.openingBaseline());
            bytes(out, LineCodec.encode(i.line()));
            TeamColumns t = i.team();
            str(out, t.owner());
            str(out, t.workStatus() == null ? null : t.workStatus().name());
            date(out, t.followUpDate());
            str(out, t.notes());
            writeExtra(out, t.extra());
            str(out, i.lastPayerAction());
            date(out, i.lastPayerActionOn());
            date(out, i.resolvedOn());
            str(out, i.resolution() == null ? null : i.resolution().name());
            dec(out, i.recovered());
        });
    }

    static Undo undo(byte[] data) {
        return read(data, in -> {
            LocalDate changedOn = LocalDate.ofEpochDay(in.readLong());
            boolean opened = in.readBoolean();
            ItemKey key = new ItemKey(str(in), str(in), str(in));
            LocalDate firstSeen = date(in);
            Status openingStatus = Status.valueOf(str(in));
            BigDecimal baseline = dec(in);
            var line = LineCodec.decode(bytes(in));
            String owner = str(in);
            String workStatus = str(in);
            LocalDate followUp = date(in);
            String notes = str(in);
            Map<String, String> extra = readExtra(in);
            TeamColumns team = new TeamColumns(owner, workStatus == null ? null : WorkStatus.valueOf(workStatus),
                    followUp, notes, extra);
            String action = str(in);
            LocalDate actionOn = date(in);
            LocalDate resolvedOn = date(in);
            String resolution = str(in);
            BigDecimal recovered = dec(in);
            return new Undo(new WorkItem(key, firstSeen, openingStatus, baseline, line, team, action, actionOn,
                    resolvedOn, resolution == null ? null : Resolution.valueOf(resolution), recovered), changedOn, opened);
        });
    }

    // ---- primitives -------------------------------------------------------------------------

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            writer.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] data, Reader<T> reader) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("work item data in format version " + version + ", this build reads "
                        + VERSION);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeExtra(DataOutputStream out, Map<String, String> extra) throws IOException {
        out.writeInt(extra.size());
        for (Map.Entry<String, String> e : extra.entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    private static Map<String, String> readExtra(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            extra.put(str(in), str(in));
        }
        return extra;
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        bytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static String str(DataInputStream in) throws IOException {
        byte[] b = bytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static void date(DataOutputStream out, LocalDate d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeLong(d.toEpochDay());
        }
    }

    private static LocalDate date(DataInputStream in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }

    private static void dec(DataOutputStream out, BigDecimal d) throws IOException {
        str(out, d == null ? null : d.toPlainString());
    }

    private static BigDecimal dec(DataInputStream in) throws IOException {
        String s = str(in);
        return s == null ? null : new BigDecimal(s);
    }
}
