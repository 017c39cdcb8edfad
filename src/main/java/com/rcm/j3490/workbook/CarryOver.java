package com.rcm.j3490.workbook;

import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's own work (Owner, Work Status, Follow-up Date, Notes) carried from the latest earlier
 * workbook into tonight's. See docs/worklists.md, "Carry-over", for the rule as users read it.
 *
 * <p>A line is keyed by the remittance row it came from: Claim ID + Line + Payer ID + Check
 * Number + Claim Status + Paid (the fields that make two rows "the same remittance line",
 * contract 2.7). Tonight's line with the same key gets the four values back; a line marked
 * Closed, Paid or Written off stays off the worklists (it is listed on "Closed Lines" instead,
 * where it can be reopened). A line of the same claim line (Claim ID + Line + Payer ID) whose
 * remittance changed is "something new from the payer": it is on its worklist again with its
 * Owner, Follow-up Date and Notes, and Work Status set back to New. A worked line that is still
 * open and that tonight's remittance does not mention at all stays on its worklist, as it was.
 *
 * <p>Only the rows with team input are held in memory (a map keyed as above); rows nobody
 * touched are read and dropped.
 */
public final class CarryOver {
    private static final Logger log = LoggerFactory.getLogger(CarryOver.class);
    private static final Pattern WORKBOOK = Pattern.compile("^j3490-worklist-(\\d{4}-\\d{2}-\\d{2})\\.xlsx$");
    private static final Set<String> DONE = Set.of("closed", "paid", "writtenoff");
    static final String NEW = "New";

    private final Map<String, Carried> byKey = new HashMap<>();
    /** Claim line (Claim ID + Line + Payer ID) to its carried rows (nearly always one). */
    private final Map<String, List<Carried>> byClaimLine = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private String info;
    private Path source;
    private static final int CLAIM_ID = LineColumns.worklistIndex(LineColumns.CLAIM_ID);
    private static final int LINE = LineColumns.worklistIndex(LineColumns.LINE);
    private static final int PAYER_ID = LineColumns.worklistIndex(LineColumns.PAYER_ID);
    private static final int CHECK_NUMBER = LineColumns.worklistIndex(LineColumns.CHECK_NUMBER);
    private static final int CLAIM_STATUS = LineColumns.worklistIndex(LineColumns.CLAIM_STATUS);
    private static final int PAID = LineColumns.worklistIndex(LineColumns.PAID);
    private static final int STATUS = LineColumns.worklistIndex(LineColumns.STATUS);
    private static final int AMOUNT_AT_STAKE = LineColumns.worklistIndex(LineColumns.AMOUNT_AT_STAKE);
    private static final int APPEAL_DEADLINE = LineColumns.worklistIndex(LineColumns.APPEAL_DEADLINE);
    /** Owner, Work Status, Follow-up Date, Notes. */
    private static final int[] WORK = LineColumns.WORK_COLUMNS.stream().mapToInt(LineColumns::worklistIndex).toArray();

    int kept;
    int leftOff;
    int reopened;
    int carriedForward;

    /** A carried row: its values as last written (aligned to the worklist columns), and whether tonight has its line. */
    static final class Carried {
        final Object[] values;
        final Status status;
        boolean seenTonight;
        boolean used;

        Carried(Object[] values, Status status) {
            this.values = values;
            this.status = status;
        }
    }

    private CarryOver() {
    }

    /** Nothing to carry (the first night, or tests). */
    public static CarryOver none() {
        return new CarryOver();
    }

    /**
     * Reads the team's input from the latest {@code j3490-worklist-<date>.xlsx} in {@code dir} dated
     * on or before {@code runDate} (the same date only when a date is reconciled again on purpose).
     * A workbook that cannot be read is reported (WARN and a note for the Summary) and skipped,
     * and the next earlier one is tried. Never throws; never writes to the files it reads.
     */
    public static CarryOver read(Path dir, LocalDate runDate) {
        CarryOver carry = new CarryOver();
        if (dir == null || !Files.isDirectory(dir)) {
            carry.info = "No earlier workbook to carry team input from (folder " + dir + " not found).";
            return carry;
        }
        List<Path> candidates;
        try {
            candidates = candidates(dir, runDate);
        } catch (IOException e) {
            log.warn("Carry-over: cannot list {}: {}", dir, e.getMessage());
            carry.problems.add("Cannot list " + dir + " for an earlier workbook: " + e.getMessage());
            return carry;
        }
        for (Path candidate : candidates) {
            try {
                PreviousWorkbook.Outcome outcome = PreviousWorkbook.read(candidate, carry::add);
                carry.source = candidate;
                for (String problem : outcome.problems()) {
                    log.warn("Carry-over: {}, {}", candidate.getFileName(), problem);
                    carry.problems.add(candidate.getFileName() + ", " + problem + ".");
                }
                log.info("Carry-over: team input of {} line(s) read from {} ({} sheet(s))", carry.byKey.size(),
                        candidate.getFileName(), outcome.sheetsRead().size());
                return carry;
            } catch (PreviousWorkbook.Unreadable e) {
                carry.byKey.clear();
                carry.byClaimLine.clear();
                log.warn("Carry-over: skipped {}: {}", candidate, e.getMessage());
                carry.problems.add(candidate.getFileName() + " could not be read and was skipped (it is left as it was): "
                        + e.getMessage() + ".");
            }
        }
        if (candidates.isEmpty()) {
            carry.info = "No earlier workbook in " + dir + ": nothing to carry over.";
        }
        return carry;
    }

    private static List<Path> candidates(Path dir, LocalDate runDate) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> {
                Matcher m = WORKBOOK.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) {
                    return null;
                }
                try {
                    LocalDate date = LocalDate.parse(m.group(1));
                    return date.isAfter(runDate) ? null : Map.entry(date, p);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }).filter(e -> e != null)
                    .sorted(Map.Entry.<LocalDate, Path>comparingByKey().reversed())
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }

    private void add(PreviousWorkbook.Row row) {
        if (!hasTeamInput(row.values())) {
            return;
        }
        if (row.values()[CLAIM_ID] == null) {
            return;
        }
        Status status = statusOf(row.values()[STATUS], row.sheetStatus());
        Carried carried = new Carried(row.values(), status);
        String key = key(row.values());
        Carried replaced = byKey.put(key, carried);
        List<Carried> sameClaimLine = byClaimLine.computeIfAbsent(claimLine(row.values()), k -> new ArrayList<>(1));
        if (replaced != null) {
            sameClaimLine.remove(replaced);
        }
        sameClaimLine.add(carried);
    }

    private static Status statusOf(Object statusCell, Status sheetStatus) {
        if (statusCell instanceof String s) {
            try {
                return Status.valueOf(s.trim());
            } catch (IllegalArgumentException ignored) {
                // a biller's edit of the Status column: the sheet says which worklist it was on
            }
        }
        return sheetStatus;
    }

    private boolean hasTeamInput(Object[] values) {
        for (int i : WORK) {
            if (values[i] != null && !(values[i] instanceof String s && s.isBlank())) {
                return true;
            }
        }
        return false;
    }

    // ---- keys ---------------------------------------------------------------------------

    private static String key(Object[] v) {
        return key(text(v[CLAIM_ID]), text(v[LINE]), text(v[PAYER_ID]), text(v[CHECK_NUMBER]), text(v[CLAIM_STATUS]),
                v[PAID]);
    }

    private static String claimLine(Object[] v) {
        return claimLine(text(v[CLAIM_ID]), text(v[LINE]), text(v[PAYER_ID]));
    }

    static String key(ReconciledLine l) {
        return key(l.claimId(), l.lineNumber(), l.payerId(), l.checkNumber(), l.claimStatus(), l.paid());
    }

    static String claimLine(ReconciledLine l) {
        return claimLine(l.claimId(), l.lineNumber(), l.payerId());
    }

    private static String key(String claimId, String line, String payerId, String check, String claimStatus,
            Object paid) {
        return claimLine(claimId, line, payerId) + '\u001F' + nz(check) + '\u001F' + nz(claimStatus) + '\u001F'
                + cents(paid);
    }

    private static String claimLine(String claimId, String line, String payerId) {
        return nz(claimId) + '\u001F' + nz(line) + '\u001F' + nz(payerId);
    }

    private static String cents(Object paid) {
        if (paid instanceof BigDecimal b) {
            return b.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return paid == null ? "" : paid.toString().trim();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString().trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    // ---- decisions, used by the writer ------------------------------------------------------

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** Marks the carried rows whose line (or claim line) is in tonight's remittance: they are not carried forward. */
    void seenTonight(ReconciledLine line) {
        if (byKey.isEmpty()) {
            return;
        }
        Carried exact = byKey.get(key(line));
        if (exact != null) {
            exact.seenTonight = true;
        }
        for (Carried c : byClaimLine.getOrDefault(claimLine(line), List.of())) {
            c.seenTonight = true;
        }
    }

    /** What tonight's worklist line gets. */
    record Decision(boolean leaveOff, Object[] work) {
    }

    private static final Decision FRESH = new Decision(false, null);

    /** Tonight's line on a worklist: its team input, or that it stays off the worklist. */
    Decision decide(ReconciledLine line) {
        if (byKey.isEmpty()) {
            return FRESH;
        }
        Carried exact = byKey.get(key(line));
        if (exact != null) {
            exact.used = true;
            if (isDone(exact)) {
                leftOff++;
                return new Decision(true, workOf(exact));
            }
            kept++;
            return new Decision(false, workOf(exact));
        }
        List<Carried> sameClaimLine = byClaimLine.getOrDefault(claimLine(line), List.of());
        if (sameClaimLine.size() == 1) {
            Carried earlier = sameClaimLine.get(0);
            earlier.used = true;
            Object[] w = workOf(earlier);
            w[1] = NEW;
            reopened++;
            return new Decision(false, w);
        }
        return FRESH;
    }

    /** Worked, open rows of this worklist that tonight's remittance does not mention: they stay, as they were. */
    List<Object[]> carriedForward(Status status) {
        if (byKey.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = byKey.values().stream()
                .filter(c -> !c.seenTonight && !c.used && c.status == status && !isDone(c))
                .map(c -> c.values.clone())
                .sorted(Comparator.<Object[], BigDecimal>comparing(v -> money(v[AMOUNT_AT_STAKE]), Comparator.reverseOrder())
                        .thenComparing(v -> v[APPEAL_DEADLINE] instanceof LocalDate d ? d : LocalDate.MAX))
                .toList();
        carriedForward += rows.size();
        return rows;
    }

    static BigDecimal money(Object o) {
        return o instanceof BigDecimal b ? b : BigDecimal.ZERO;
    }

    private Object[] workOf(Carried c) {
        Object[] w = new Object[WORK.length];
        for (int i = 0; i < WORK.length; i++) {
            w[i] = c.values[WORK[i]];
        }
        return w;
    }

    private boolean isDone(Carried c) {
        return c.values[WORK[1]] instanceof String s && DONE.contains(PreviousWorkbook.normalise(s));
    }

    /** True for Closed, Paid and Written off (any case, spacing or hyphen). */
    static boolean isDone(String workStatus) {
        return DONE.contains(PreviousWorkbook.normalise(workStatus));
    }

    // ---- reporting ---------------------------------------------------------------------------

    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** Lines with team input read from the earlier workbook. */
    public int carriedRows() {
        return byKey.size();
    }

    /** Problems and facts for the Summary's "Carry-over" section, in plain words. */
    public List<String> notes() {
        List<String> all = new ArrayList<>();
        if (source != null) {
            all.add("Team input read from " + source.getFileName() + ": " + byKey.size() + " worked line(s).");
            all.add(kept + " line(s) kept their Owner, Work Status, Follow-up Date and Notes; " + reopened
                    + " came back with something new from the payer (Work Status set to New); " + carriedForward
                    + " worked, open line(s) not in tonight's remittance stay on their worklist; " + leftOff
                    + " marked Closed, Paid or Written off are left off the worklists (see "
                    + WorklistWorkbookWriter.CLOSED_LINES + ").");
        }
        if (info != null) {
            all.add(info);
        }
        all.addAll(problems);
        return all;
    }

    /** Warnings only (unreadable workbooks, skipped sheets): what an operator must look at. */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
