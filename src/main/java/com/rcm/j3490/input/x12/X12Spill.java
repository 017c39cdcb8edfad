package com.rcm.j3490.input.x12;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.rules.Flag;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One 835 file as the remittance check read it: its service lines already mapped (5.2) and joined
 * to the claims (5.3), and what it says outside them (balancing, claim CAS, PLB), in reading order,
 * in a compact binary file. The reconcile step reads it back instead of parsing the X12 and looking
 * up its claims a second time: StAEDI's parse and the claim lookups were half of an X12 night.
 *
 * <p>Written under a temporary name and renamed when complete, so a file that exists is whole; it
 * ends with the count of its lines, checked when read back. It holds patient data: it belongs in
 * the job's private temporary folder.
 */
public final class X12Spill {
    private static final int MAGIC = 0x58313253; // "X12S"
    private static final byte LINE = 1;
    private static final byte TRANSACTION = 2;
    private static final byte CLAIM_ADJUSTMENT = 3;
    private static final byte PROVIDER_ADJUSTMENT = 4;
    private static final byte END = 0;
    private static final Flag[] FLAGS = Flag.values();

    private X12Spill() {
    }

    /** Writes one file's spill; it is also the listener of the 835 reader that reads the file. */
    public static Writer writer(Path spill) {
        return new Writer(spill);
    }

    /** Reads a complete spill back; what lies outside the lines goes to {@code listener} as it is passed. */
    public static Reader reader(Path spill, RemittanceListener listener) {
        return new Reader(spill, listener);
    }

    public static final class Writer implements RemittanceListener, AutoCloseable {
        private final Path spill;
        private final Path partial;
        private final Out out;
        private long lines;
        private boolean complete;

        private Writer(Path spill) {
            this.spill = spill;
            this.partial = spill.resolveSibling(spill.getFileName() + ".partial");
            try {
                this.out = new Out(Files.newOutputStream(partial));
                out.writeInt(MAGIC);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
            }
        }

        public void line(X12ServiceLine line) {
            try {
                CsvRecord record = line.record();
                out.writeByte(LINE);
                writeString(record.file());
                out.writeLong(record.line());
                String[] fields = record.fields();
                out.writeShort(fields.length);
                for (String field : fields) {
                    writeString(field);
                }
                writeString(record.raw());
                out.writeLong(line.ordinal());
                long flags = 0;
                for (Flag flag : line.flags()) {
                    flags |= 1L << flag.ordinal();
                }
                out.writeLong(flags);
                writeString(line.structure());
                lines++;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void transaction(TransactionBalance b) {
            try {
                out.writeByte(TRANSACTION);
                writeString(b.file());
                out.writeLong(b.stPosition());
                writeString(b.checkNumber());
                writeString(b.payerId());
                writeString(b.payerName());
                writeMoney(b.paymentAmount());
                writeMoney(b.claimPaidTotal());
                writeMoney(b.providerAdjustmentTotal());
                out.writeInt(b.claims());
                out.writeInt(b.serviceLines());
                out.writeInt(b.unbalancedServiceLines());
                out.writeInt(b.unbalancedClaims().size());
                for (TransactionBalance.ClaimBalance c : b.unbalancedClaims()) {
                    writeString(c.claimId());
                    writeMoney(c.charge());
                    writeMoney(c.paid());
                    writeMoney(c.adjustments());
                }
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void claimAdjustment(ClaimAdjustment a) {
            try {
                out.writeByte(CLAIM_ADJUSTMENT);
                for (String s : new String[] {a.file(), a.checkNumber(), a.payerId(), a.claimId(), a.group(), a.reason()}) {
                    writeString(s);
                }
                writeMoney(a.amount());
                writeMoney(a.quantity());
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void providerAdjustment(ProviderAdjustment a) {
            try {
                out.writeByte(PROVIDER_ADJUSTMENT);
                for (String s : new String[] {a.file(), a.checkNumber(), a.payerId(), a.providerId(),
                    a.fiscalPeriodDate(), a.reason(), a.reference()}) {
                    writeString(s);
                }
                writeMoney(a.amount());
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** The whole file was read: ends the spill and gives it its name. */
        public void complete() {
            try {
                out.writeByte(END);
                out.writeLong(lines);
                out.close();
                Files.move(partial, spill, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                complete = true;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Without {@link #complete()}: the partial file is removed. */
        @Override
        public void close() {
            if (complete) {
                return;
            }
            try {
                out.close();
            } catch (IOException ignored) {
                // removed below
            }
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // in the job's temporary folder, removed with it
            }
        }

        private void writeString(String s) throws IOException {
            out.writeString(s);
        }

        private void writeMoney(BigDecimal amount) throws IOException {
            writeString(amount == null ? null : amount.toString());
        }

        private UncheckedIOException failed(IOException e) {
            return new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
        }
    }

    public static final class Reader implements AutoCloseable {
        private final Path spill;
        private final RemittanceListener listener;
        private final In in;
        private long lines;
        private boolean ended;

        private Reader(Path spill, RemittanceListener listener) {
            this.spill = spill;
            this.listener = listener == null ? RemittanceListener.NONE : listener;
            try {
                this.in = new In(Files.newInputStream(spill));
                if (in.readInt() != MAGIC) {
                    in.close();
                    throw new IllegalStateException(spill + " is not a spill of an 835 file");
                }
            } catch (NoSuchFileException e) {
                throw new IllegalStateException("the remittance check's reading of an 835 file is missing (" + spill
                        + "): restart the run, which reads the file again", e);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** The next service line, or null at the end; the events before it go to the listener first. */
        public X12ServiceLine next() {
            if (ended) {
                return null;
            }
            try {
                while (true) {
                    byte type = in.readByte();
                    switch (type) {
                        case LINE -> {
                            lines++;
                            return readLine();
                        }
                        case TRANSACTION -> listener.transaction(readTransaction());
                        case CLAIM_ADJUSTMENT -> listener.claimAdjustment(new ClaimAdjustment(readString(), readString(),
                                readString(), readString(), readString(), readString(), readMoney(), readMoney()));
                        case PROVIDER_ADJUSTMENT -> listener.providerAdjustment(new ProviderAdjustment(readString(),
                                readString(), readString(), readString(), readString(), readString(), readString(),
                                readMoney()));
                        case END -> {
                            long written = in.readLong();
                            if (written != lines) {
                                throw new IllegalStateException(spill + " holds " + lines + " lines, not " + written);
                            }
                            ended = true;
                            return null;
                        }
                        default -> throw new IllegalStateException(spill + " is damaged (record type " + type + ")");
                    }
                }
            } catch (EOFException e) {
                throw new IllegalStateException(spill + " ends before its last line", e);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private X12ServiceLine readLine() throws IOException {
            String file = readString();
            long line = in.readLong();
            String[] fields = new String[in.readShort()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = readString();
            }
            String raw = readString();
            long ordinal = in.readLong();
            long flagBits = in.readLong();
            Set<Flag> flags = flagBits == 0 ? Set.of() : EnumSet.noneOf(Flag.class);
            for (int i = 0; flagBits != 0 && i < FLAGS.length; i++) {
                if ((flagBits & (1L << i)) != 0) {
                    flags.add(FLAGS[i]);
                }
            }
            String structure = readString();
            return new X12ServiceLine(new CsvRecord(file, line, fields, raw, Remittance835Reader.HEADER), ordinal, flags,
                    structure);
        }

        private TransactionBalance readTransaction() throws IOException {
            String file = readString();
            long stPosition = in.readLong();
            String checkNumber = readString();
            String payerId = readString();
            String payerName = readString();
            BigDecimal payment = readMoney();
            BigDecimal claimPaid = readMoney();
            BigDecimal plb = readMoney();
            int claims = in.readInt();
            int serviceLines = in.readInt();
            int unbalancedLines = in.readInt();
            int unbalancedClaims = in.readInt();
            List<TransactionBalance.ClaimBalance> off = new ArrayList<>(unbalancedClaims);
            for (int i = 0; i < unbalancedClaims; i++) {
                off.add(new TransactionBalance.ClaimBalance(readString(), readMoney(), readMoney(), readMoney()));
            }
            return new TransactionBalance(file, stPosition, checkNumber, payerId, payerName, payment, claimPaid, plb,
                    claims, serviceLines, unbalancedLines, off);
        }

        private String readString() throws IOException {
            return in.readString();
        }

        private BigDecimal readMoney() throws IOException {
            String s = readString();
            return s == null ? null : new BigDecimal(s);
        }

        private UncheckedIOException failed(IOException e) {
            return new UncheckedIOException("cannot read " + spill + ": " + e.getMessage(), e);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }

    /**
     * A buffered binary output without the locks of BufferedOutputStream and DataOutputStream
     * (every int written went through four synchronised calls). Strings: length, then UTF-8; -1 = null.
     */
    private static final class Out {
        private final OutputStream target;
        private final byte[] buf = new byte[1 << 16];
        private int pos;

        Out(OutputStream target) {
            this.target = target;
        }

        void writeByte(int b) throws IOException {
            room(1);
            buf[pos++] = (byte) b;
        }

        void writeShort(int v) throws IOException {
            room(2);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        void writeInt(int v) throws IOException {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (v >>> shift);
            }
        }

        void writeLong(long v) throws IOException {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (v >>> shift);
            }
        }

        void writeString(String s) throws IOException {
            if (s == null) {
                writeInt(-1);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            if (utf8.length > buf.length - pos) {
                flush();
                if (utf8.length > buf.length) {
                    target.write(utf8);
                    return;
                }
            }
            System.arraycopy(utf8, 0, buf, pos, utf8.length);
            pos += utf8.length;
        }

        private void room(int n) throws IOException {
            if (buf.length - pos < n) {
                flush();
            }
        }

        private void flush() throws IOException {
            target.write(buf, 0, pos);
            pos = 0;
        }

        void close() throws IOException {
            try {
                flush();
            } finally {
                target.close();
            }
        }
    }

    /** The reading side of {@link Out}. */
    private static final class In {
        private final InputStream source;
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;

        In(InputStream source) {
            this.source = source;
        }

        byte readByte() throws IOException {
            need(1);
            return buf[pos++];
        }

        short readShort() throws IOException {
            need(2);
            return (short) (((buf[pos++] & 0xff) << 8) | (buf[pos++] & 0xff));
        }

        int readInt() throws IOException {
            need(4);
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (buf[pos++] & 0xff);
            }
            return v;
        }

        long readLong() throws IOException {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xff);
            }
            return v;
        }

        String readString() throws IOException {
            int length = readInt();
            if (length < 0) {
                return null;
            }
            need(length);
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        /** At least {@code n} bytes in the buffer (it grows for a longer string), or EOFException. */
        private void need(int n) throws IOException {
            if (limit - pos >= n) {
                return;
            }
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
            if (n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, n);
            }
            while (limit < n) {
                int read = source.read(buf, limit, buf.length - limit);
                if (read < 0) {
                    throw new EOFException();
                }
                limit += read;
            }
        }

        void close() throws IOException {
            source.close();
        }
    }
}
