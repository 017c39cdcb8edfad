package com.rcm.j3490.backlog;

import com.rcm.j3490.reconcile.LineCodec;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary forms the store keeps beside an item's columns: the team's added columns (an ordered
 * header → value map), and the undo image of an item (the whole item, when its row last changed,
 * and whether that change opened it), which a restart or rerun of a date restores. The line
 * inside is in {@link LineCodec}'s form, copied as stored. Version byte first, so a later layout
 * can still read it. Integers are big-endian, strings an int length (-1: null) and UTF-8, dates a
 * presence byte and the epoch day: the layout of {@code DataOutputStream}, which wrote it before
 * (and locked on every byte).
 */
public final class ItemCodec {
    private static final int VERSION = 1;

    private ItemCodec() {
    }

    /** A whole item in the store's binary form (the workbook spills items to sort them). */
    public static byte[] item(WorkItem item) {
        return item(StoredItem.of(item));
    }

    /** A stored item in the same form, its line copied as it is. */
    public static byte[] item(StoredItem item) {
        return undo(item, LocalDate.EPOCH, false);
    }

    public static WorkItem item(byte[] data) {
        return undo(data).item().item();
    }

    /** An item as it was before a night changed it. */
    record Undo(StoredItem item, LocalDate changedOn, boolean openedOnChange) {
        Undo(WorkItem item, LocalDate changedOn, boolean openedOnChange) {
            this(StoredItem.of(item), changedOn, openedOnChange);
        }
    }

    static byte[] extra(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        Out out = new Out(64);
        writeExtra(out, extra);
        return out.bytes();
    }

    static Map<String, String> extra(byte[] data) {
        if (data == null) {
            return Map.of();
        }
        return readExtra(in(data));
    }

    static byte[] undo(Undo undo) {
        return undo(undo.item(), undo.changedOn(), undo.openedOnChange());
    }

    private static byte[] undo(StoredItem i, LocalDate changedOn, boolean openedOnChange) {
        Out out = new Out(i.lineData().length + 128);
        out.writeLong(changedOn.toEpochDay());
        out.writeByte(openedOnChange ? 1 : 0);
        out.str(i.key().payerId());
        out.str(i.key().claimId());
        out.str(i.key().lineNumber());
        out.date(i.firstSeen());
        out.str(i.openingStatus().name());
        out.dec(i.openingBaseline());
        out.bytes(i.lineData());
        TeamColumns t = i.team();
        out.str(t.owner());
        out.str(t.workStatus() == null ? null : t.workStatus().name());
        out.date(t.followUpDate());
        out.str(t.notes());
        writeExtra(out, t.extra());
        out.str(i.lastPayerAction());
        out.date(i.lastPayerActionOn());
        out.date(i.resolvedOn());
        out.str(i.resolution() == null ? null : i.resolution().name());
        out.dec(i.recovered());
        return out.bytes();
    }

    static Undo undo(byte[] data) {
        ByteBuffer in = in(data);
        try {
            LocalDate changedOn = LocalDate.ofEpochDay(in.getLong());
            boolean opened = in.get() != 0;
            ItemKey key = new ItemKey(str(in), str(in), str(in));
            LocalDate firstSeen = date(in);
            Status openingStatus = Status.valueOf(str(in));
            BigDecimal baseline = dec(in);
            byte[] line = bytes(in);
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
            return new Undo(new StoredItem(key, firstSeen, openingStatus, baseline, line, team, action, actionOn,
                    resolvedOn, resolution == null ? null : Resolution.valueOf(resolution), recovered), changedOn, opened);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("work item data cut short (" + data.length + " bytes)", e);
        }
    }

    // ---- primitives -------------------------------------------------------------------------

    /** Checks the version byte; the buffer is then at the first field. */
    private static ByteBuffer in(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data); // big-endian, as DataInputStream reads
        int version = in.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("work item data in format version " + version + ", this build reads "
                    + VERSION);
        }
        return in;
    }

    private static void writeExtra(Out out, Map<String, String> extra) {
        out.writeInt(extra.size());
        for (Map.Entry<String, String> e : extra.entrySet()) {
            out.str(e.getKey());
            out.str(e.getValue());
        }
    }

    private static Map<String, String> readExtra(ByteBuffer in) {
        int n = in.getInt();
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            extra.put(str(in), str(in));
        }
        return extra;
    }

    private static String str(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static byte[] bytes(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static LocalDate date(ByteBuffer in) {
        return in.get() != 0 ? LocalDate.ofEpochDay(in.getLong()) : null;
    }

    private static BigDecimal dec(ByteBuffer in) {
        String s = str(in);
        return s == null ? null : new BigDecimal(s);
    }

    /** A growing byte array that starts with the version byte. */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
            writeByte(VERSION);
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void writeByte(int b) {
            room(1);
            buf[size++] = (byte) b;
        }

        void writeInt(int v) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
        }

        void writeLong(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
        }

        void bytes(byte[] b) {
            writeInt(b == null ? -1 : b.length);
            if (b != null) {
                room(b.length);
                System.arraycopy(b, 0, buf, size, b.length);
                size += b.length;
            }
        }

        void str(String s) {
            bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        void date(LocalDate d) {
            writeByte(d != null ? 1 : 0);
            if (d != null) {
                writeLong(d.toEpochDay());
            }
        }

        void dec(BigDecimal d) {
            str(d == null ? null : d.toPlainString());
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }
    }
}
