package com.rcm.j3490.input.x12;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the claim lines of one 837 file (005010X222A1 professional, 005010X223A2 institutional)
 * to a {@link ClaimSink}, one claim at a time (contract 5.3). Holds one claim's lines.
 */
public final class Claim837Reader {
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final X12SegmentReader segments;
    private final ClaimSink index;
    private final int fileOrder;

    private String bht04;
    private String bht05;
    private String subscriberName;
    private String patientName;
    private String claimId;
    private LocalDate statementStart;
    private List<ClaimLine> lines;
    private LineBuilder line;

    private Claim837Reader(X12SegmentReader segments, ClaimSink index, int fileOrder) {
        this.segments = segments;
        this.index = index;
        this.fileOrder = fileOrder;
    }

    /** Reads one 837 file; {@code fileOrder} is its position in name order (ties of BHT). */
    public static void read(Path file, int fileOrder, ClaimSink index) {
        try (X12SegmentReader reader = X12SegmentReader.open(file)) {
            read(reader, fileOrder, index);
        }
    }

    public static void read(X12SegmentReader reader, int fileOrder, ClaimSink index) {
        new Claim837Reader(reader, index, fileOrder).run();
    }

    private void run() {
        X12Segment s;
        while ((s = segments.next()) != null) {
            accept(s);
        }
        endClaim();
    }

    private void accept(X12Segment s) {
        switch (s.tag()) {
            case "ST", "SE" -> {
                endClaim();
                subscriberName = patientName = null;
            }
            case "BHT" -> {
                bht04 = s.element(4);
                bht05 = s.element(5);
            }
            case "HL" -> {
                endClaim();
                String level = s.element(3);
                if (!level.equals("23")) {
                    subscriberName = null;
                }
                patientName = null;
            }
            case "NM1" -> {
                if (claimId == null) {
                    if (s.element(1).equals("IL")) {
                        subscriberName = name(s);
                    } else if (s.element(1).equals("QC")) {
                        patientName = name(s);
                    }
                }
            }
            case "CLM" -> {
                endClaim();
                claimId = blankToNull(s.element(1));
                statementStart = null;
                lines = new ArrayList<>();
            }
            case "DTP" -> {
                if (line != null && s.element(1).equals("472")) {
                    line.serviceDate = date(s.element(3));
                } else if (line == null && claimId != null && s.element(1).equals("434")) {
                    statementStart = date(s.element(3));
                }
            }
            case "LX" -> {
                endLine();
                if (claimId != null) {
                    line = new LineBuilder();
                }
            }
            case "SV1", "SV2" -> {
                if (line != null) {
                    boolean professional = s.tag().equals("SV1");
                    int composite = professional ? 1 : 2;
                    line.code = blankToNull(s.component(composite, 2));
                    List<String> modifiers = new ArrayList<>();
                    for (int c = 3; c <= 6; c++) {
                        if (!s.component(composite, c).isEmpty()) {
                            modifiers.add(s.component(composite, c));
                        }
                    }
                    line.modifiers = modifiers.isEmpty() ? null : String.join(":", modifiers);
                    line.description = blankToNull(s.component(composite, 7));
                    line.charge = Remittance835Reader.decimal(s.element(professional ? 2 : 3));
                    line.units = blankToNull(s.element(professional ? 4 : 5));
                }
            }
            case "REF" -> {
                if (line != null && s.element(1).equals("6R") && line.lineRef == null) {
                    line.lineRef = blankToNull(s.element(2));
                }
            }
            case "LIN" -> {
                if (line != null && s.element(2).equals("N4")) {
                    line.ndc = blankToNull(s.element(3));
                }
            }
            case "CTP" -> {
                if (line != null) {
                    line.ndcQuantity = blankToNull(s.element(4));
                    line.ndcUnit = blankToNull(s.component(5, 1));
                }
            }
            default -> {
                // other segments carry nothing the join or the rules need
            }
        }
    }

    private void endLine() {
        if (line != null && lines != null) {
            lines.add(new ClaimLine(claimId, line.lineRef, line.code, line.modifiers, line.description, line.charge,
                    line.units, line.serviceDate != null ? line.serviceDate : statementStart, line.ndc,
                    line.ndcQuantity, line.ndcUnit, patientName != null ? patientName : subscriberName));
        }
        line = null;
    }

    private void endClaim() {
        endLine();
        if (claimId != null) {
            index.offer(claimId, ClaimVersion.of(bht04, bht05, fileOrder), lines);
        }
        claimId = null;
        lines = null;
    }

    private static String name(X12Segment nm1) {
        String last = nm1.element(3);
        String first = nm1.element(4);
        if (last.isEmpty()) {
            return blankToNull(first);
        }
        return first.isEmpty() ? last : last + ", " + first;
    }

    /** D8 CCYYMMDD, or the start of an RD8 CCYYMMDD-CCYYMMDD; null when unreadable. */
    private static LocalDate date(String text) {
        if (text == null || text.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 8), CCYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final class LineBuilder {
        String lineRef;
        String code;
        String modifiers;
        String description;
        BigDecimal charge;
        String units;
        LocalDate serviceDate;
        String ndc;
        String ndcQuantity;
        String ndcUnit;
    }
}
