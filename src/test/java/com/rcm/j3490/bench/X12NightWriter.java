package com.rcm.j3490.bench;

import com.opencsv.CSVReader;
import com.rcm.j3490.input.FieldParser;
import com.rcm.j3490.input.RowRejectedException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a night of remittance CSV files (contract 1.1) as what payers and the provider really
 * exchange: one X12 835 (005010X221A1) per CSV file and the provider's 837 (005010X222A1
 * professional, or 005010X223A2 institutional) for the same claims, such that the job reads the
 * same remittance rows from them (contract 5.2, 5.3): the NDC, its quantity and unit and the drug
 * description travel in the 837 only, joined by REF*6R.
 *
 * <p>As a payer does, the 835 pays each check in its own transaction set (ST..SE), so within a
 * file the rows are grouped by check (payer, check number, payment date, payer name): the All Lines
 * rows of the X12 night are the CSV night's rows in that order. Streams: a file's transaction sets
 * go to temporary files, one claim at a time is held; the set of claims already in an 837 is kept
 * so a claim delivered twice is sent once.
 *
 * <p>Rows the CSV path rejects are written so the X12 path rejects them too: unreadable dates and
 * amounts as they are, an adjustment that is not GROUP-REASON:AMOUNT as a CAS with the reason
 * missing, and a row with a field too many as an SVC without SVC03.
 */
public final class X12NightWriter {
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PROVIDER_NPI = "1999999984";

    private final boolean institutional;
    private final Set<String> claimsSent = new HashSet<>();
    private int interchange;

    private X12NightWriter(boolean institutional) {
        this.institutional = institutional;
    }

    /** What was written. */
    public record Written(int files835, int files837, long serviceLines, int transactionSets) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: X12NightWriter <remittance csv folder> <835 folder> <837 folder> [institutional]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Written w = write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                args.length > 3 && args[3].equals("institutional"));
        System.out.printf(Locale.ROOT, "wrote %d 835 file(s) (%d transaction sets, %d service lines) and %d 837 "
                + "file(s) in %d ms%n", w.files835(), w.transactionSets(), w.serviceLines(), w.files837(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Writes {@code <name>.835} into {@code dir835} and {@code <name>.837} into {@code dir837} per CSV file. */
    public static Written write(Path csv, Path dir835, Path dir837, boolean institutional) throws IOException {
        Files.createDirectories(dir835);
        Files.createDirectories(dir837);
        List<Path> files;
        if (Files.isDirectory(csv)) {
            try (Stream<Path> s = Files.list(csv)) {
                files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted()
                        .toList();
            }
        } else {
            files = List.of(csv);
        }
        X12NightWriter writer = new X12NightWriter(institutional);
        long lines = 0;
        int sets = 0;
        for (Path f : files) {
            String base = f.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
            long[] counts = writer.convert(f, dir835.resolve(base + ".835"), dir837.resolve(base + ".837"));
            lines += counts[0];
            sets += (int) counts[1];
        }
        return new Written(files.size(), files.size(), lines, sets);
    }

    // ---- one file ----------------------------------------------------------------------------

    /** A row by column name (header names normalised as contract 1 says). */
    private record Row(String[] fields, Map<String, Integer> header, boolean tooWide) {
        String get(String column) {
            Integer i = header.get(column);
            if (i == null || i >= fields.length) {
                return null;
            }
            String v = fields[i].trim();
            return v.isEmpty() ? null : v;
        }
    }

    /** One check's transaction set being built: its segments go to a temporary file. */
    private static final class TransactionSet {
        final String check;
        final String payerId;
        final String payerName;
        final String paymentDate;
        final Path temp;
        final Writer out;
        long segments;
        BigDecimal paidTotal = BigDecimal.ZERO;
        // the claim (CLP loop) being collected
        String claimKey;
        Row claimRow;
        final StringBuilder claimBody = new StringBuilder();
        long claimSegments;
        BigDecimal claimCharge = BigDecimal.ZERO;
        BigDecimal claimPaid = BigDecimal.ZERO;

        TransactionSet(Row r, Path temp) throws IOException {
            this.check = r.get("check_number");
            this.payerId = r.get("payer_id");
            this.payerName = r.get("payer_name");
            this.paymentDate = r.get("payment_date");
            this.temp = temp;
            this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        }
    }

    private long[] convert(Path csv, Path out835, Path out837) throws IOException {
        Map<String, TransactionSet> sets = new LinkedHashMap<>();
        Map<String, Long> ordinals = new HashMap<>();
        long lines = 0;
        Path tempDir = Files.createTempDirectory(out835.getParent(), ".x12-");
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVReader rows = new CSVReader(reader);
                Writer claims = Files.newBufferedWriter(out837, StandardCharsets.UTF_8)) {
            String[] names = rows.readNext();
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                String n = names[i].replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
                header.put(n, i);
            }
            ClaimFile claimFile = new ClaimFile(claims);
            String[] fields;
            while ((fields = rows.readNext()) != null) {
                if (fields.length == 1 && fields[0].isBlank()) {
                    continue;
                }
                Row r = new Row(fields, header, fields.length > names.length);
                String claimId = r.get("claim_id");
                long ordinal = claimId == null ? 0 : ordinals.merge(claimId, 1L, Long::sum);
                String lineRef = r.get("line_number") != null ? r.get("line_number") : Long.toString(ordinal);
                String key = String.join("|", nz(r.get("check_number")), nz(r.get("payer_id")), nz(r.get("payer_name")),
                        nz(r.get("payment_date")));
                TransactionSet set = sets.get(key);
                if (set == null) {
                    set = new TransactionSet(r, tempDir.resolve("set-" + sets.size()));
                    sets.put(key, set);
                }
                service(set, r, lineRef);
                claimFile.line(r, lineRef);
                lines++;
            }
            for (TransactionSet set : sets.values()) {
                endClaim(set);
                set.out.close();
            }
            claimFile.finish();
            write835(out835, sets.values());
        } catch (com.opencsv.exceptions.CsvValidationException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        } finally {
            try (Stream<Path> s = Files.list(tempDir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(tempDir);
        }
        return new long[] {lines, sets.size()};
    }

    // ---- 835 ---------------------------------------------------------------------------------

    private void service(TransactionSet set, Row r, String lineRef) throws IOException {
        String claimKey = String.join("|", nz(r.get("claim_id")), nz(r.get("claim_status")),
                nz(r.get("payer_claim_number")), nz(r.get("patient_name")));
        if (!claimKey.equals(set.claimKey)) {
            endClaim(set);
            set.claimKey = claimKey;
            set.claimRow = r;
        }
        String billed = amount(r.get("billed_amount"));
        String paid = amount(r.get("paid_amount"));
        String code = composite("HC", r.get("procedure_code"), r.get("modifiers"));
        String unitsBilled = r.get("units_billed") != null ? r.get("units_billed") : "1";
        if (r.tooWide()) {
            // the CSV row has a field too many: an SVC without its payment, rejected as the CSV row is
            seg(set, "SVC", code, nz(billed));
        } else {
            seg(set, "SVC", code, nz(billed), nz(paid), "", nz(r.get("units_paid")), "", unitsBilled);
        }
        String dos = r.get("service_date");
        seg(set, "DTM", "472", date(dos));
        String adjustments = r.get("adjustments");
        if (adjustments != null) {
            for (String item : adjustments.split("[;|]")) {
                cas(set, item.trim());
            }
        }
        seg(set, "REF", "6R", lineRef);
        if (r.get("allowed_amount") != null) {
            seg(set, "AMT", "B6", amount(r.get("allowed_amount")));
        }
        if (r.get("remark_codes") != null) {
            for (String remark : r.get("remark_codes").split("[;|]")) {
                if (!remark.isBlank()) {
                    seg(set, "LQ", "HE", remark.trim());
                }
            }
        }
        set.claimCharge = set.claimCharge.add(decimalOrZero(billed));
        set.claimPaid = set.claimPaid.add(decimalOrZero(paid));
    }

    /** GROUP-REASON:AMOUNT[:QUANTITY] as CAS; anything else as a CAS without its reason (rejected). */
    private void cas(TransactionSet set, String item) {
        if (item.isEmpty()) {
            return;
        }
        String[] parts = item.split(":");
        int dash = parts[0].indexOf('-');
        if (dash < 0 || parts.length < 2) {
            seg(set, "CAS", parts[0], "", parts.length > 1 ? parts[1] : "1");
            return;
        }
        String amount = amount(parts[1]);
        if (parts.length > 2) {
            seg(set, "CAS", parts[0].substring(0, dash), parts[0].substring(dash + 1), amount, parts[2]);
        } else {
            seg(set, "CAS", parts[0].substring(0, dash), parts[0].substring(dash + 1), amount);
        }
    }

    private void endClaim(TransactionSet set) throws IOException {
        if (set.claimKey == null) {
            return;
        }
        Row r = set.claimRow;
        set.out.write(segment("CLP", nz(r.get("claim_id")), nz(r.get("claim_status")), set.claimCharge.toPlainString(),
                set.claimPaid.toPlainString(), "", "12", nz(r.get("payer_claim_number")), "11", "1"));
        set.segments++;
        String patient = r.get("patient_name");
        if (patient != null) {
            int comma = patient.indexOf(", ");
            String last = comma < 0 ? patient : patient.substring(0, comma);
            String first = comma < 0 ? "" : patient.substring(comma + 2);
            set.out.write(segment("NM1", "QC", "1", last, first, "", "", "", "MI", "M" + Math.abs(patient.hashCode())));
            set.segments++;
        }
        set.out.write(set.claimBody.toString());
        set.segments += set.claimSegments;
        set.paidTotal = set.paidTotal.add(set.claimPaid);
        set.claimBody.setLength(0);
        set.claimSegments = 0;
        set.claimCharge = BigDecimal.ZERO;
        set.claimPaid = BigDecimal.ZERO;
        set.claimKey = null;
    }

    private void write835(Path out, Iterable<TransactionSet> sets) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            int control = ++interchange;
            w.write(isa(control, "HP"));
            int st = 0;
            for (TransactionSet set : sets) {
                st++;
                String pay = set.paymentDate == null ? "" : date(set.paymentDate);
                String stControl = String.format(Locale.ROOT, "%04d", st);
                List<String> head = new ArrayList<>();
                head.add(segment("ST", "835", stControl, "005010X221A1"));
                head.add(segment("BPR", "I", set.paidTotal.toPlainString(), "C", "ACH", "CCP", "01", "011000015", "DA",
                        "000123456", "1512345678", "", "01", "021000021", "DA", "123456789", pay));
                head.add(segment("TRN", "1", nz(set.check), "1" + nz(set.payerId)));
                head.add(segment("DTM", "405", pay));
                head.add(segment("N1", "PR", nz(set.payerName)));
                head.add(segment("REF", "2U", nz(set.payerId)));
                head.add(segment("N1", "PE", "RIVERSIDE INFUSION CENTER", "XX", PROVIDER_NPI));
                head.add(segment("LX", "1"));
                for (String s : head) {
                    w.write(s);
                }
                try (Reader body = Files.newBufferedReader(set.temp, StandardCharsets.UTF_8)) {
                    body.transferTo(w);
                }
                w.write(segment("SE", Long.toString(head.size() + set.segments + 1), stControl));
            }
            w.write(segment("GE", Integer.toString(st), Integer.toString(control)));
            w.write(segment("IEA", "1", String.format(Locale.ROOT, "%09d", control)));
        }
    }

    // ---- 837 ---------------------------------------------------------------------------------

    /** The provider's 837 of the claims of one remittance file; one claim is held at a time. */
    private final class ClaimFile {
        private final Writer out;
        private final int control;
        private long segments;
        private int hl;
        private String claimId;
        private Row first;
        private final List<String> lines = new ArrayList<>();
        private final Set<String> refs = new HashSet<>();
        private BigDecimal total = BigDecimal.ZERO;
        private boolean started;

        ClaimFile(Writer out) throws IOException {
            this.out = out;
            this.control = ++interchange;
        }

        void line(Row r, String lineRef) throws IOException {
            String id = r.get("claim_id");
            if (id == null) {
                return;
            }
            if (!id.equals(claimId)) {
                endClaim();
                if (claimsSent.contains(id)) {
                    claimId = null;
                    return; // already sent (a remittance delivered twice): the provider billed it once
                }
                claimId = id;
                first = r;
            }
            if (claimId == null || !refs.add(lineRef.toLowerCase(Locale.ROOT)) || r.tooWide()) {
                return; // the reversal of a line repeats it: the claim line is sent once
            }
            String billed = amount(r.get("billed_amount"));
            BigDecimal charge = decimalOrZero(billed).abs();
            total = total.add(charge);
            String units = r.get("units_billed") != null ? r.get("units_billed").replace("-", "") : "1";
            String code = composite("HC", r.get("procedure_code"), r.get("modifiers"));
            String description = r.get("drug_name");
            if (description != null) {
                code = code + ":" + description.replace('*', ' ').replace(':', ' ').replace('~', ' ').replace('^', ' ');
                code = padComponents(code, r);
            }
            lines.add(segment("LX", Integer.toString(lines.size() / 10 + 1)));
            if (institutional) {
                lines.add(segment("SV2", "0636", code, charge.toPlainString(), "UN", units));
            } else {
                lines.add(segment("SV1", code, charge.toPlainString(), "UN", units, "", "", "1"));
            }
            lines.add(segment("DTP", "472", "D8", date(r.get("service_date"))));
            lines.add(segment("REF", "6R", lineRef));
            String ndc = r.get("ndc");
            String quantity = r.get("ndc_quantity");
            if (ndc != null || quantity != null) {
                // as sent in the CSV (the job normalises it; an invalid NDC stays invalid)
                lines.add(segment("LIN", "", "N4", nz(ndc)));
                if (quantity != null) {
                    lines.add(segment("CTP", "", "", "", quantity.replace("-", ""), nz(r.get("ndc_unit"))));
                }
            }
            // every line of a claim is 5 to 7 segments; LX numbers are fixed below
        }

        private void endClaim() throws IOException {
            if (claimId == null) {
                return;
            }
            if (!started) {
                start();
            }
            claimsSent.add(claimId);
            Row r = first;
            String patient = r.get("patient_name");
            String last = patient == null ? "" : patient.contains(", ") ? patient.substring(0, patient.indexOf(", ")) : patient;
            String firstName = patient == null || !patient.contains(", ") ? "" : patient.substring(patient.indexOf(", ") + 2);
            int subscriber = ++hl;
            write(segment("HL", Integer.toString(subscriber), "1", "22", "0"));
            write(segment("SBR", "P", "18", "", "", "", "", "", "", "CI"));
            write(segment("NM1", "IL", "1", last, firstName, "", "", "", "MI", "M" + Math.abs(nz(patient).hashCode())));
            write(segment("NM1", "PR", "2", nz(r.get("payer_name")).isEmpty() ? "PAYER" : r.get("payer_name"), "", "", "",
                    "", "PI", nz(r.get("payer_id"))));
            String frequency = "22".equals(r.get("claim_status")) ? "7" : "1";
            write(institutional
                    ? segment("CLM", claimId, total.toPlainString(), "", "", "13:A:" + frequency)
                    : segment("CLM", claimId, total.toPlainString(), "", "", "11:B:" + frequency, "Y", "A", "Y", "Y"));
            int lx = 0;
            for (String s : lines) {
                write(s.startsWith("LX*") ? segment("LX", Integer.toString(++lx)) : s);
            }
            lines.clear();
            refs.clear();
            total = BigDecimal.ZERO;
            claimId = null;
        }

        private void start() throws IOException {
            started = true;
            out.write(isa(control, institutional ? "HC" : "HC"));
            write(segment("ST", "837", "0001", institutional ? "005010X223A2" : "005010X222A1"));
            write(segment("BHT", "0019", "00", "B" + control, "20261101", "0800", "CH"));
            write(segment("NM1", "41", "2", "RIVERSIDE INFUSION CENTER", "", "", "", "", "46", "RIC0001"));
            write(segment("NM1", "40", "2", "CLEARINGHOUSE", "", "", "", "", "46", "CH0001"));
            write(segment("HL", Integer.toString(++hl), "", "20", "1"));
            write(segment("NM1", "85", "2", "RIVERSIDE INFUSION CENTER", "", "", "", "", "XX", PROVIDER_NPI));
        }

        void finish() throws IOException {
            endClaim();
            if (!started) {
                start();
            }
            out.write(segment("SE", Long.toString(segments + 1), "0001"));
            out.write(segment("GE", "1", Integer.toString(control)));
            out.write(segment("IEA", "1", String.format(Locale.ROOT, "%09d", control)));
        }

        private void write(String s) throws IOException {
            out.write(s);
            segments++;
        }
    }

    /** SV101 needs its description in component 7: components 3-6 are the modifiers, padded. */
    private static String padComponents(String codeWithDescription, Row r) {
        String[] parts = codeWithDescription.split(":", -1);
        String description = parts[parts.length - 1];
        List<String> c = new ArrayList<>(List.of(parts).subList(0, parts.length - 1));
        while (c.size() < 6) {
            c.add("");
        }
        c.add(description);
        return String.join(":", c);
    }

    // ---- segments ----------------------------------------------------------------------------

    private String isa(int control, String functionalId) {
        String ctl = String.format(Locale.ROOT, "%09d", control);
        return "ISA*00*          *00*          *ZZ*" + pad("RIVERSIDE", 15) + "*ZZ*" + pad("PAYERS", 15)
                + "*261123*0800*^*00501*" + ctl + "*0*P*:~\n" + segment("GS", functionalId, "RIVERSIDE", "PAYERS",
                        "20261123", "0800", Integer.toString(control), "X", functionalId.equals("HP") ? "005010X221A1"
                                : institutional ? "005010X223A2" : "005010X222A1");
    }

    private void seg(TransactionSet set, String tag, String... elements) {
        set.claimBody.append(segment(tag, elements));
        set.claimSegments++;
    }

    /** One segment with its terminator; trailing empty elements are dropped. */
    static String segment(String tag, String... elements) {
        int last = elements.length;
        while (last > 0 && (elements[last - 1] == null || elements[last - 1].isEmpty())) {
            last--;
        }
        StringBuilder b = new StringBuilder(tag);
        for (int i = 0; i < last; i++) {
            String e = elements[i] == null ? "" : elements[i];
            if (e.indexOf('*') >= 0 || e.indexOf('~') >= 0) {
                throw new IllegalArgumentException("a delimiter inside an element: " + tag);
            }
            b.append('*').append(e);
        }
        return b.append("~\n").toString();
    }

    private static String composite(String qualifier, String code, String modifiers) {
        StringBuilder b = new StringBuilder(qualifier).append(':').append(nz(code));
        if (modifiers != null) {
            for (String m : modifiers.split("[:;]")) {
                if (!m.isBlank()) {
                    b.append(':').append(m.trim());
                }
            }
        }
        return b.toString();
    }

    /** An amount as X12 writes it (plain decimal); text the CSV path rejects is kept as it is. */
    private static String amount(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = FieldParser.amount("amount", text);
            return value == null ? null : value.toPlainString();
        } catch (RowRejectedException e) {
            return text;
        }
    }

    private static BigDecimal decimalOrZero(String text) {
        try {
            return text == null ? BigDecimal.ZERO : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /** CCYYMMDD; a date the CSV path rejects is kept as it is. */
    private static String date(String text) {
        if (text == null) {
            return "";
        }
        try {
            LocalDate d = FieldParser.date("date", text);
            return d == null ? "" : d.format(CCYYMMDD);
        } catch (RowRejectedException e) {
            return text;
        }
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
