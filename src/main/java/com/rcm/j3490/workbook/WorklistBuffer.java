package com.rcm.j3490.workbook;

import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.DrugSource;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the worklist lines during the one pass over all lines and hands them back grouped by
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
            int before = out.size();
            LineCodec.write(out, line);
            written += out.size() - before;
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
                byte[] buffer = new byte[4096];
                for (Integer i : index) {
                    long start = offsets[i];
                    int length = (int) ((i + 1 < size ? offsets[i + 1] : written) - start);
                    if (buffer.length < length) {
                        buffer = new byte[length];
                    }
                    in.seek(start);
                    in.readFully(buffer, 0, length);
                    sink.accept(LineCodec.read(new DataInputStream(new ByteArrayInputStream(buffer, 0, length))));
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

    /** A compact binary form of a reconciled line, for the spill file only. */
    static final class LineCodec {
        private LineCodec() {
        }

        static void write(DataOutputStream o, ReconciledLine l) throws IOException {
            str(o, l.claimId());
            str(o, l.lineNumber());
            str(o, l.checkNumber());
            str(o, l.claimStatus());
            str(o, l.payerId());
            str(o, l.payerName());
            str(o, l.payerClaimNumber());
            str(o, l.patientName());
            date(o, l.serviceDate());
            date(o, l.paymentDate());
            str(o, l.procedureCode());
            str(o, l.modifiers());
            str(o, l.ndc());
            str(o, l.drugName());
            dec(o, l.ndcQuantity());
            str(o, l.ndcUnit());
            dec(o, l.unitsBilled());
            dec(o, l.billed());
            dec(o, l.paid());
            dec(o, l.reimbursed());
            dec(o, l.expected());
            dec(o, l.variance());
            str(o, l.basis() == null ? null : l.basis().name());
            dec(o, l.ratePercent());
            str(o, l.invoiceNumber());
            o.writeByte(l.status().ordinal());
            str(o, String.join(";", l.denialCodes()));
            str(o, String.join(";", l.remarkCodes()));
            str(o, l.flagsText());
            str(o, l.reworkAction());
            str(o, l.team());
            date(o, l.appealDeadline());
            dec(o, l.amountAtStake());
            DrugSource d = l.drugSource();
            str(o, d.supplier());
            str(o, d.invoiceDrugName());
            str(o, d.lotNumber());
            date(o, d.expirationDate());
            str(o, d.pricingDrugName());
            str(o, d.dosage());
        }

        static ReconciledLine read(DataInputStream i) throws IOException {
            String claimId = str(i);
            String lineNumber = str(i);
            String checkNumber = str(i);
            String claimStatus = str(i);
            String payerId = str(i);
            String payerName = str(i);
            String payerClaimNumber = str(i);
            String patientName = str(i);
            LocalDate serviceDate = date(i);
            LocalDate paymentDate = date(i);
            String procedureCode = str(i);
            String modifiers = str(i);
            String ndc = str(i);
            String drugName = str(i);
            BigDecimal ndcQuantity = dec(i);
            String ndcUnit = str(i);
            BigDecimal unitsBilled = dec(i);
            BigDecimal billed = dec(i);
            BigDecimal paid = dec(i);
            BigDecimal reimbursed = dec(i);
            BigDecimal expected = dec(i);
            BigDecimal variance = dec(i);
            String basis = str(i);
            BigDecimal rate = dec(i);
            String invoiceNumber = str(i);
            Status status = Status.values()[i.readByte()];
            List<String> denialCodes = list(str(i));
            List<String> remarkCodes = list(str(i));
            EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
            for (String f : list(str(i))) {
                flags.add(Flag.valueOf(f));
            }
            String action = str(i);
            String team = str(i);
            LocalDate deadline = date(i);
            BigDecimal atStake = dec(i);
            DrugSource drug = new DrugSource(str(i), str(i), str(i), date(i), str(i), str(i));
            return new ReconciledLine(claimId, lineNumber, checkNumber, claimStatus, payerId, payerName,
                    payerClaimNumber, patientName, serviceDate, paymentDate, procedureCode, modifiers, ndc, drugName,
                    ndcQuantity, ndcUnit, unitsBilled, billed, paid, reimbursed, expected, variance,
                    basis == null ? null : Basis.valueOf(basis), rate, invoiceNumber, status, denialCodes, remarkCodes,
                    flags, action, team, deadline, atStake, drug);
        }

        private static void str(DataOutputStream o, String s) throws IOException {
            o.writeBoolean(s != null);
            if (s != null) {
                o.writeUTF(s);
            }
        }

        private static String str(DataInputStream i) throws IOException {
            return i.readBoolean() ? i.readUTF() : null;
        }

        private static void date(DataOutputStream o, LocalDate d) throws IOException {
            o.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
        }

        private static LocalDate date(DataInputStream i) throws IOException {
            long day = i.readLong();
            return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
        }

        private static void dec(DataOutputStream o, BigDecimal d) throws IOException {
            o.writeBoolean(d != null);
            if (d != null) {
                byte[] unscaled = d.unscaledValue().toByteArray();
                o.writeByte(d.scale());
                o.writeByte(unscaled.length);
                o.write(unscaled);
            }
        }

        private static BigDecimal dec(DataInputStream i) throws IOException {
            if (!i.readBoolean()) {
                return null;
            }
            int scale = i.readByte();
            byte[] unscaled = new byte[i.readByte()];
            i.readFully(unscaled);
            return new BigDecimal(new BigInteger(unscaled), scale);
        }

        private static List<String> list(String joined) {
            return joined == null || joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(";")));
        }
    }
}
