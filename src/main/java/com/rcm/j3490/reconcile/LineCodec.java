package com.rcm.j3490.reconcile;

import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.DrugSource;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * The compact binary form of a {@link ReconciledLine}: how the reconcile step stages a line
 * (one column instead of forty, which the database writes and reads back far faster) and how
 * the workbook step spills worklist lines to sort them. Every value round-trips exactly:
 * strings of any length, decimals with their scale, dates, enums.
 *
 * <p>Format version 1: strings as a varint of (UTF-8 length + 1; 0 = null) and the bytes;
 * decimals as a tag (0 null, 1 unscaled value fits a long, 2 larger), the scale and the unscaled
 * value (zig-zag varint, or length and two's-complement bytes); dates as a zig-zag varint of the
 * epoch day + 1 (0 = null); the status as its name. A first byte carries the version.
 * Version 2 appends units paid, allowed, the adjustments as sent and Resubmit By; a version 1
 * value (staged by the build before) still decodes, with those four absent.
 */
public final class LineCodec {
    private static final int VERSION = 2;
    private static final int VERSION_WITHOUT_BACKLOG_FIELDS = 1;

    private LineCodec() {
    }

    public static byte[] encode(ReconciledLine l) {
        Out o = new Out();
        o.write(VERSION);
        o.str(l.claimId());
        o.str(l.lineNumber());
        o.str(l.checkNumber());
        o.str(l.claimStatus());
        o.str(l.payerId());
        o.str(l.payerName());
        o.str(l.payerClaimNumber());
        o.str(l.patientName());
        o.date(l.serviceDate());
        o.date(l.paymentDate());
        o.str(l.procedureCode());
        o.str(l.modifiers());
        o.str(l.ndc());
        o.str(l.drugName());
        o.dec(l.ndcQuantity());
        o.str(l.ndcUnit());
        o.dec(l.unitsBilled());
        o.dec(l.billed());
        o.dec(l.paid());
        o.dec(l.reimbursed());
        o.dec(l.expected());
        o.dec(l.variance());
        o.str(l.basis() == null ? null : l.basis().name());
        o.dec(l.ratePercent());
        o.str(l.invoiceNumber());
        o.str(l.status().name());
        o.str(String.join(";", l.denialCodes()));
        o.str(String.join(";", l.remarkCodes()));
        o.str(l.flagsText());
        o.str(l.reworkAction());
        o.str(l.team());
        o.date(l.appealDeadline());
        o.dec(l.amountAtStake());
        DrugSource d = l.drugSource();
        o.str(d.supplier());
        o.str(d.invoiceDrugName());
        o.str(d.lotNumber());
        o.date(d.expirationDate());
        o.str(d.pricingDrugName());
        o.str(d.dosage());
        o.dec(l.unitsPaid());
        o.dec(l.allowed());
        o.str(l.adjustments());
        o.date(l.resubmitBy());
        return o.bytes();
    }

    /** Where a line stands on a worklist: its status, the amount at stake, the appeal deadline (null: none). */
    public record Standing(Status status, BigDecimal amountAtStake, LocalDate appealDeadline) {
    }

    /**
     * The {@link Standing} of an encoded line, read without decoding the rest (the worklists sort
     * stored items by it before they need the whole line).
     */
    public static Standing standing(byte[] data) {
        In i = new In(data);
        i.version();
        // in encode's order: 8 strings, 2 dates, 4 strings, a decimal, a string, 6 decimals, a string,
        // a decimal, a string (invoice number), the status, 5 strings (codes, flags, action, team), the
        // deadline, the amount at stake
        i.skipStr(8);
        i.date();
        i.date();
        i.skipStr(4);
        i.dec();
        i.skipStr(1);
        for (int k = 0; k < 6; k++) {
            i.dec();
        }
        i.skipStr(1);
        i.dec();
        i.skipStr(1);
        Status status = Status.valueOf(i.str());
        i.skipStr(5);
        LocalDate deadline = i.date();
        return new Standing(status, i.dec(), deadline);
    }

    public static ReconciledLine decode(byte[] data) {
        In i = new In(data);
        int version = i.version();
        String claimId = i.str();
        String lineNumber = i.str();
        String checkNumber = i.str();
        String claimStatus = i.str();
        String payerId = i.str();
        String payerName = i.str();
        String payerClaimNumber = i.str();
        String patientName = i.str();
        LocalDate serviceDate = i.date();
        LocalDate paymentDate = i.date();
        String procedureCode = i.str();
        String modifiers = i.str();
        String ndc = i.str();
        String drugName = i.str();
        BigDecimal ndcQuantity = i.dec();
        String ndcUnit = i.str();
        BigDecimal unitsBilled = i.dec();
        BigDecimal billed = i.dec();
        BigDecimal paid = i.dec();
        BigDecimal reimbursed = i.dec();
        BigDecimal expected = i.dec();
        BigDecimal variance = i.dec();
        String basis = i.str();
        BigDecimal rate = i.dec();
        String invoiceNumber = i.str();
        Status status = Status.valueOf(i.str());
        List<String> denialCodes = list(i.str());
        List<String> remarkCodes = list(i.str());
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        for (String f : list(i.str())) {
            flags.add(Flag.valueOf(f));
        }
        String action = i.str();
        String team = i.str();
        LocalDate deadline = i.date();
        BigDecimal atStake = i.dec();
        DrugSource drug = new DrugSource(i.str(), i.str(), i.str(), i.date(), i.str(), i.str());
        boolean v2 = version == VERSION;
        BigDecimal unitsPaid = v2 ? i.dec() : null;
        BigDecimal allowed = v2 ? i.dec() : null;
        String adjustments = v2 ? i.str() : null;
        LocalDate resubmitBy = v2 ? i.date() : null;
        return new ReconciledLine(claimId, lineNumber, checkNumber, claimStatus, payerId, payerName, payerClaimNumber,
                patientName, serviceDate, paymentDate, procedureCode, modifiers, ndc, drugName, ndcQuantity, ndcUnit,
                unitsBilled, billed, paid, reimbursed, expected, variance, basis == null ? null : Basis.valueOf(basis),
                rate, invoiceNumber, status, denialCodes, remarkCodes, flags, action, team, deadline, atStake, drug,
                unitsPaid, allowed, adjustments, resubmitBy);
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(";")));
    }

    /** An unsynchronised byte buffer (ByteArrayOutputStream locks on every byte written). */
    private static final class Out {
        private byte[] buf = new byte[512];
        private int size;

        void write(int b) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, size * 2);
            }
            buf[size++] = (byte) b;
        }

        void write(byte[] b, int off, int len) {
            if (size + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
            }
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }

        void str(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            write(b, 0, b.length);
        }

        void date(LocalDate d) {
            varint(d == null ? 0 : zigzag(d.toEpochDay()) + 1);
        }

        void dec(BigDecimal d) {
            if (d == null) {
                write(0);
                return;
            }
            BigInteger unscaled = d.unscaledValue();
            write(unscaled.bitLength() < 63 ? 1 : 2);
            varint(zigzag(d.scale()));
            if (unscaled.bitLength() < 63) {
                varint(zigzag(unscaled.longValue()));
            } else {
                byte[] b = unscaled.toByteArray();
                varint(b.length);
                write(b, 0, b.length);
            }
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        private static long zigzag(long v) {
            return (v << 1) ^ (v >> 63);
        }
    }

    private static final class In {
        final byte[] data;
        int pos;

        In(byte[] data) {
            this.data = data;
        }

        /** Reads the version byte: one this build reads, or refused by name. */
        int version() {
            int version = data[pos++];
            if (version != VERSION && version != VERSION_WITHOUT_BACKLOG_FIELDS) {
                throw new IllegalArgumentException("staged line in format version " + version + ", this build reads "
                        + VERSION);
            }
            return version;
        }

        String str() {
            long n = varint();
            if (n == 0) {
                return null;
            }
            int length = (int) (n - 1);
            String s = new String(data, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        LocalDate date() {
            long v = varint();
            return v == 0 ? null : LocalDate.ofEpochDay(unzigzag(v - 1));
        }

        BigDecimal dec() {
            int tag = data[pos++];
            if (tag == 0) {
                return null;
            }
            int scale = (int) unzigzag(varint());
            if (tag == 1) {
                return BigDecimal.valueOf(unzigzag(varint()), scale);
            }
            int length = (int) varint();
            BigInteger unscaled = new BigInteger(data, pos, length);
            pos += length;
            return new BigDecimal(unscaled, scale);
        }

        void skipStr(int count) {
            for (int k = 0; k < count; k++) {
                long n = varint();
                if (n > 0) {
                    pos += (int) (n - 1);
                }
            }
        }

        private long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = data[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        private static long unzigzag(long v) {
            return (v >>> 1) ^ -(v & 1);
        }
    }
}
