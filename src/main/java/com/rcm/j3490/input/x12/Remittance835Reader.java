package com.rcm.j3490.input.x12;

import static com.rcm.j3490.input.Columns.*;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.HeaderIndex;
import com.rcm.j3490.rules.Flag;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the service lines of one 835 file (several interchanges, groups and transaction sets;
 * 5010 and 4010) as {@link X12ServiceLine}s, mapped as contract 5.2 says and joined to the
 * provider's claim lines (5.3) when claims are given. Holds one claim loop at a time, a counter
 * per claim id of the file (line_number fallback), and with claims one batch of mapped service lines
 * (up to {@link #JOIN_BATCH}) whose claims are looked up at once before the batch is handed out. Balancing, claim-level CAS and PLB go
 * to the {@link RemittanceListener} as each transaction set ends. Restartable by reading again
 * from the start and skipping N items: the result does not depend on where reading stopped.
 */
public final class Remittance835Reader implements AutoCloseable {
    /** The 1.1 columns an X12 service line fills, in one fixed order. */
    static final String[] COLUMNS = {CLAIM_ID, PAYER_ID, SERVICE_DATE, PROCEDURE_CODE, BILLED_AMOUNT, PAID_AMOUNT,
        PAYER_NAME, CHECK_NUMBER, PAYMENT_DATE, CLAIM_STATUS, PAYER_CLAIM_NUMBER, LINE_NUMBER, MODIFIERS, NDC,
        DRUG_NAME, NDC_QUANTITY, NDC_UNIT, UNITS_BILLED, UNITS_PAID, ALLOWED_AMOUNT, ADJUSTMENTS, REMARK_CODES,
        PATIENT_NAME};
    static final HeaderIndex HEADER = new HeaderIndex(COLUMNS);
    private static final Map<String, Integer> COLUMN_INDEX = new HashMap<>();
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    /** Service lines mapped before their claims are looked up together (one query when staged in the database). */
    static final int JOIN_BATCH = 512;

    static {
        for (int i = 0; i < COLUMNS.length; i++) {
            COLUMN_INDEX.put(COLUMNS[i], i);
        }
    }

    private final X12SegmentReader segments;
    private final ClaimLineLookup claims;
    private final RemittanceListener listener;
    private final ArrayDeque<X12ServiceLine> ready = new ArrayDeque<>();
    /** Mapped service lines waiting for their claim line (only with claims). */
    private final List<Unjoined> unjoined = new ArrayList<>();
    private final Map<String, Long> svcOrdinals = new HashMap<>();
    private boolean ended;

    // transaction set (ST..SE)
    private boolean in835;
    private boolean skippingOtherSet;
    private long stPosition;
    private String bpr02;
    private String paymentDate;
    private String checkNumber;
    private String trn03;
    private String payerName;
    private String payerN104;
    private String payerRef2u;
    private boolean inPayerLoop;
    private BigDecimal claimPaidTotal;
    private BigDecimal plbTotal;
    private int claimCount;
    private int serviceLines;
    private int unbalancedServiceLines;
    private List<TransactionBalance.ClaimBalance> unbalancedClaims;

    // claim (CLP loop 2100)
    private X12Segment clp;
    private String patientName;
    private String claimDate;
    private BigDecimal claimCasTotal;
    private BigDecimal lineCasTotal;
    private boolean claimHasCas;

    // service line (SVC loop 2110)
    private List<X12Segment> loop;

    /**
     * @param claims   the provider's claim lines, or null when no claims were given (then no line
     *                 is flagged CLAIM_LINE_NOT_FOUND)
     */
    public Remittance835Reader(X12SegmentReader segments, ClaimLineLookup claims, RemittanceListener listener) {
        this.segments = segments;
        this.claims = claims;
        this.listener = listener == null ? RemittanceListener.NONE : listener;
    }

    public static Remittance835Reader open(Path file, ClaimLineLookup claims, RemittanceListener listener) {
        return new Remittance835Reader(X12SegmentReader.open(file), claims, listener);
    }

    public String fileName() {
        return segments.fileName();
    }

    /** The next service line of the file, or null at its end. */
    public X12ServiceLine next() {
        while (ready.isEmpty() && !ended) {
            X12Segment segment = segments.next();
            if (segment == null) {
                endTransaction();
                ended = true;
            } else {
                accept(segment);
            }
            if (unjoined.size() >= JOIN_BATCH || ended) {
                joinBatch();
            }
        }
        return ready.poll();
    }

    /** Joins the waiting service lines to their claim lines, their claims looked up at once, and hands them out. */
    private void joinBatch() {
        if (unjoined.isEmpty()) {
            return;
        }
        claims.prepare(unjoined.stream().map(u -> u.claimId).filter(java.util.Objects::nonNull).distinct().toList());
        for (Unjoined u : unjoined) {
            Optional<ClaimLine> joined = claims.join(u.claimId, u.lineRef, u.code, date(u.serviceDate), u.billed);
            ready.add(u.complete(joined.orElse(null)));
        }
        unjoined.clear();
    }

    private void accept(X12Segment s) {
        if (skippingOtherSet) {
            skippingOtherSet = !s.tag().equals("SE");
            return;
        }
        switch (s.tag()) {
            case "ST" -> {
                endTransaction();
                if (s.element(1).equals("835")) {
                    startTransaction(s);
                } else {
                    skippingOtherSet = true; // not a remittance: nothing of it is read here
                }
            }
            case "SE", "GE", "IEA", "GS", "ISA" -> endTransaction();
            case "BPR" -> {
                bpr02 = s.element(2);
                paymentDate = s.element(16);
            }
            case "TRN" -> {
                checkNumber = s.element(2);
                trn03 = s.element(3);
            }
            case "N1" -> {
                inPayerLoop = s.element(1).equals("PR");
                if (inPayerLoop) {
                    payerName = s.element(2);
                    payerN104 = s.element(4);
                }
            }
            case "LX" -> {
                endClaim();
                inPayerLoop = false;
            }
            case "CLP" -> {
                endClaim();
                inPayerLoop = false;
                startClaim(s);
            }
            case "SVC" -> {
                endService();
                if (clp != null) {
                    loop = new ArrayList<>(8);
                    loop.add(s);
                }
            }
            case "PLB" -> {
                endClaim();
                providerAdjustments(s);
            }
            default -> other(s);
        }
    }

    private void other(X12Segment s) {
        if (loop != null) {
            loop.add(s);
            return;
        }
        if (s.tag().equals("REF") && inPayerLoop && s.element(1).equals("2U")) {
            payerRef2u = s.element(2);
        } else if (clp != null) {
            switch (s.tag()) {
                case "NM1" -> {
                    if (s.element(1).equals("QC")) {
                        patientName = name(s.element(3), s.element(4));
                    }
                }
                case "DTM" -> {
                    if (s.element(1).equals("232")) {
                        claimDate = s.element(2);
                    }
                }
                case "CAS" -> claimCas(s);
                default -> {
                    // other claim segments (NM1*IL, MIA, MOA, REF, AMT, ...) are not read
                }
            }
        }
    }

    private void startTransaction(X12Segment st) {
        in835 = true;
        stPosition = st.position();
        bpr02 = paymentDate = checkNumber = trn03 = payerName = payerN104 = payerRef2u = null;
        inPayerLoop = false;
        claimPaidTotal = BigDecimal.ZERO;
        plbTotal = BigDecimal.ZERO;
        claimCount = serviceLines = unbalancedServiceLines = 0;
        unbalancedClaims = new ArrayList<>();
    }

    private void endTransaction() {
        endClaim();
        if (!in835) {
            return;
        }
        in835 = false;
        listener.transaction(new TransactionBalance(segments.fileName(), stPosition, blankToNull(checkNumber), payerId(),
                blankToNull(payerName), orZero(bpr02), claimPaidTotal, plbTotal, claimCount, serviceLines,
                unbalancedServiceLines, List.copyOf(unbalancedClaims)));
    }

    private void startClaim(X12Segment s) {
        clp = s;
        patientName = null;
        claimDate = null;
        claimCasTotal = BigDecimal.ZERO;
        lineCasTotal = BigDecimal.ZERO;
        claimHasCas = false;
        claimCount++;
        claimPaidTotal = claimPaidTotal.add(orZero(s.element(4)));
    }

    private void endClaim() {
        endService();
        if (clp == null) {
            return;
        }
        BigDecimal charge = orZero(clp.element(3));
        BigDecimal paid = orZero(clp.element(4));
        BigDecimal adjustments = claimCasTotal.add(lineCasTotal);
        if (charge.subtract(adjustments).compareTo(paid) != 0) {
            unbalancedClaims.add(new TransactionBalance.ClaimBalance(clp.element(1), charge, paid, adjustments));
        }
        clp = null;
    }

    private void claimCas(X12Segment cas) {
        claimHasCas = true;
        for (int i = 2; i + 1 <= cas.elementCount(); i += 3) {
            String reason = cas.element(i);
            BigDecimal amount = decimal(cas.element(i + 1));
            if (reason.isEmpty() || amount == null) {
                continue;
            }
            claimCasTotal = claimCasTotal.add(amount);
            listener.claimAdjustment(new ClaimAdjustment(segments.fileName(), blankToNull(checkNumber), payerId(),
                    clp.element(1), cas.element(1), reason, amount, decimal(cas.element(i + 2))));
        }
    }

    private void providerAdjustments(X12Segment plb) {
        for (int i = 3; i + 1 <= plb.elementCount(); i += 2) {
            BigDecimal amount = decimal(plb.element(i + 1));
            if (plb.element(i).isEmpty() || amount == null) {
                continue;
            }
            plbTotal = plbTotal.add(amount);
            listener.providerAdjustment(new ProviderAdjustment(segments.fileName(), blankToNull(checkNumber), payerId(),
                    blankToNull(plb.element(1)), blankToNull(plb.element(2)), plb.component(i, 1),
                    blankToNull(plb.component(i, 2)), amount));
        }
    }

    /** Maps the finished SVC loop to a row (contract 5.2) and queues it. */
    private void endService() {
        if (loop == null) {
            return;
        }
        List<X12Segment> segs = loop;
        loop = null;
        X12Segment svc = segs.get(0);
        String[] row = new String[COLUMNS.length];
        java.util.Arrays.fill(row, "");
        StringBuilder raw = new StringBuilder(256);
        String lineRef = null;
        String dtm472 = null;
        String dtm150 = null;
        String allowed = null;
        List<String> remarks = new ArrayList<>();
        List<String> adjustments = new ArrayList<>();
        String structure = null;
        BigDecimal casTotal = BigDecimal.ZERO;
        for (X12Segment s : segs) {
            s.appendRaw(raw);
            switch (s.tag()) {
                case "REF" -> {
                    if (s.element(1).equals("6R") && lineRef == null) {
                        lineRef = blankToNull(s.element(2));
                    }
                }
                case "DTM" -> {
                    if (s.element(1).equals("472") && dtm472 == null) {
                        dtm472 = blankToNull(s.element(2));
                    } else if (s.element(1).equals("150") && dtm150 == null) {
                        dtm150 = blankToNull(s.element(2));
                    }
                }
                case "AMT" -> {
                    if (s.element(1).equals("B6")) {
                        allowed = blankToNull(s.element(2));
                    }
                }
                case "LQ" -> {
                    if (s.element(1).equals("HE") && !s.element(2).isEmpty()) {
                        remarks.add(s.element(2));
                    }
                }
                case "CAS" -> {
                    if (s.elementCount() < 3 || s.element(2).isEmpty() || s.element(3).isEmpty()) {
                        structure = structure != null ? structure
                                : "CAS segment " + s.position() + " has too few elements (group, reason and amount needed)";
                    }
                    for (int i = 2; i + 1 <= s.elementCount(); i += 3) {
                        String reason = s.element(i);
                        String amount = s.element(i + 1);
                        String quantity = s.element(i + 2);
                        if (reason.isEmpty() && amount.isEmpty()) {
                            continue;
                        }
                        if (reason.isEmpty() || amount.isEmpty()) {
                            structure = structure != null ? structure
                                    : "CAS segment " + s.position() + " has a reason without an amount or the reverse";
                            continue;
                        }
                        adjustments.add(s.element(1) + "-" + reason + ":" + amount + (quantity.isEmpty() ? "" : ":" + quantity));
                        BigDecimal value = decimal(amount);
                        if (value != null) {
                            casTotal = casTotal.add(value);
                        }
                    }
                }
                case "BAD" -> structure = structure != null ? structure
                        : "segment " + s.position() + " is not a valid X12 segment";
                default -> {
                    // SVC itself, REF*LU/APC, AMT*KH, LQ*RX, ...: kept in the raw row only
                }
            }
        }
        lineCasTotal = lineCasTotal.add(casTotal);

        // the code as billed: SVC06 when the payer changed it, else SVC01
        int codeElement = svc.componentCount(6) > 0 && !svc.component(6, 2).isEmpty() ? 6 : 1;
        String qualifier = svc.component(codeElement, 1);
        boolean hcpcs = qualifier.equals("HC") || qualifier.equals("HP");
        String code = hcpcs ? blankToNull(svc.component(codeElement, 2)) : null;
        List<String> modifiers = new ArrayList<>();
        if (hcpcs) {
            for (int c = 3; c <= 6; c++) {
                if (!svc.component(codeElement, c).isEmpty()) {
                    modifiers.add(svc.component(codeElement, c));
                }
            }
        }
        String billed = blankToNull(svc.element(2));
        String paid = blankToNull(svc.element(3));
        if (structure == null && (billed == null || paid == null)) {
            structure = "SVC segment " + svc.position() + " lacks " + (billed == null ? "SVC02 (line charge)" : "SVC03 (line payment)");
        }
        serviceLines++;
        BigDecimal billedValue = decimal(billed);
        BigDecimal paidValue = decimal(paid);
        if (billedValue != null && paidValue != null && billedValue.subtract(casTotal).compareTo(paidValue) != 0) {
            unbalancedServiceLines++;
        }

        String claimId = blankToNull(clp.element(1));
        String serviceDate = dtm472 != null ? dtm472 : dtm150 != null ? dtm150 : blankToNull(claimDate);
        long ordinal = claimId == null ? 0 : svcOrdinals.merge(claimId, 1L, Long::sum);

        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        if (claimHasCas) {
            flags.add(Flag.CLAIM_ADJUSTMENT);
        }

        set(row, CLAIM_ID, claimId);
        set(row, PAYER_ID, payerId());
        set(row, SERVICE_DATE, serviceDate);
        set(row, PROCEDURE_CODE, code);
        set(row, BILLED_AMOUNT, billed);
        set(row, PAID_AMOUNT, paid);
        set(row, PAYER_NAME, payerName);
        set(row, CHECK_NUMBER, checkNumber);
        set(row, PAYMENT_DATE, paymentDate);
        set(row, CLAIM_STATUS, clp.element(2));
        set(row, PAYER_CLAIM_NUMBER, clp.element(7));
        set(row, MODIFIERS, String.join(":", modifiers));
        set(row, UNITS_PAID, svc.element(5));
        set(row, ALLOWED_AMOUNT, allowed);
        set(row, ADJUSTMENTS, String.join(";", adjustments));
        set(row, REMARK_CODES, String.join(";", remarks));
        Unjoined line = new Unjoined(new CsvRecord(segments.fileName(), svc.position(), row, raw.toString(), HEADER),
                ordinal, flags, structure, claimId, lineRef, code, serviceDate, billedValue,
                svc.component(1, 1).equals("N4") ? svc.component(1, 2) : null, svc.element(7), svc.element(5),
                patientName);
        if (claims == null) {
            ready.add(line.complete(null));
        } else {
            unjoined.add(line);
        }
    }

    /**
     * A mapped service line before its join: the columns the joined claim line may fill (contract
     * 5.2) are filled by {@link #complete}, from what the 835 gave, else the claim line.
     */
    private final class Unjoined {
        final CsvRecord record;
        final long ordinal;
        final EnumSet<Flag> flags;
        final String structure;
        final String claimId;
        final String lineRef;
        final String code;
        final String serviceDate;
        final BigDecimal billed;
        final String svcNdc;
        final String svc07;
        final String svc05;
        final String patientName;

        Unjoined(CsvRecord record, long ordinal, EnumSet<Flag> flags, String structure, String claimId, String lineRef,
                String code, String serviceDate, BigDecimal billed, String svcNdc, String svc07, String svc05,
                String patientName) {
            this.record = record;
            this.ordinal = ordinal;
            this.flags = flags;
            this.structure = structure;
            this.claimId = claimId;
            this.lineRef = lineRef;
            this.code = code;
            this.serviceDate = serviceDate;
            this.billed = billed;
            this.svcNdc = svcNdc;
            this.svc07 = svc07;
            this.svc05 = svc05;
            this.patientName = patientName;
        }

        /** @param claimLine the joined claim line, or null (none joined, or no claims given) */
        X12ServiceLine complete(ClaimLine claimLine) {
            String[] row = record.fields();
            if (claims != null && claimLine == null) {
                flags.add(Flag.CLAIM_LINE_NOT_FOUND);
            }
            set(row, LINE_NUMBER, lineRef != null ? lineRef : claimLine != null ? claimLine.lineRef() : null);
            set(row, NDC, claimLine != null && claimLine.ndc() != null ? claimLine.ndc() : svcNdc);
            String unitsBilled = blankToNull(svc07);
            if (unitsBilled == null) {
                unitsBilled = blankToNull(svc05);
            }
            if (unitsBilled == null && claimLine != null) {
                unitsBilled = claimLine.units();
            }
            set(row, UNITS_BILLED, unitsBilled);
            set(row, PATIENT_NAME, patientName != null ? patientName : claimLine != null ? claimLine.patientName() : null);
            if (claimLine != null) {
                set(row, DRUG_NAME, claimLine.description());
                set(row, NDC_QUANTITY, claimLine.ndcQuantity());
                set(row, NDC_UNIT, claimLine.ndcUnit());
            }
            return new X12ServiceLine(record, ordinal, flags, structure);
        }
    }

    /** REF*2U in loop 1000A, else N1*PR N104, else TRN03 (contract 5.2). */
    private String payerId() {
        String id = blankToNull(payerRef2u);
        if (id == null) {
            id = blankToNull(payerN104);
        }
        return id != null ? id : blankToNull(trn03);
    }

    private static void set(String[] row, String column, String value) {
        row[COLUMN_INDEX.get(column)] = value == null ? "" : value;
    }

    private static String name(String last, String first) {
        if (last.isEmpty()) {
            return blankToNull(first);
        }
        return first.isEmpty() ? last : last + ", " + first;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** An X12 decimal, or null when blank or unreadable (the row parser then says why). */
    static BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal orZero(String s) {
        BigDecimal value = decimal(s);
        return value == null ? BigDecimal.ZERO : value;
    }

    private static LocalDate date(String ccyymmdd) {
        if (ccyymmdd == null) {
            return null;
        }
        try {
            return LocalDate.parse(ccyymmdd, CCYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        segments.close();
    }
}
