package com.rcm.j3490.workbook;

import com.rcm.j3490.rules.ReconciledLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the Summary sheet shows about one run.
 *
 * @param byDenialReason one group per denial code as it appears in Denial Codes ("CO-16"), label =
 *     the CARC's description; a line with several codes counts under each
 * @param topLines the lines with the largest amount at stake, largest first (at most 10 are shown)
 * @param groupCodes the adjustment group codes (CO, PR, OA, PI, CR) and what they mean
 */
public record RunSummary(
        LocalDate runDate,
        LocalDateTime generatedAt,
        List<InputFile> inputFiles,
        Group total,
        List<Group> byStatus,
        List<Group> byPayer,
        long otherCodeLines,
        long duplicates,
        long rejectedRows,
        List<Group> byDenialReason,
        List<ReconciledLine> topLines,
        List<CodeNote> groupCodes) {

    public RunSummary {
        byDenialReason = byDenialReason == null ? List.of() : List.copyOf(byDenialReason);
        topLines = topLines == null ? List.of() : List.copyOf(topLines);
        groupCodes = groupCodes == null ? List.of() : List.copyOf(groupCodes);
    }

    /** Without denial reasons, top lines and group codes. */
    public RunSummary(LocalDate runDate, LocalDateTime generatedAt, List<InputFile> inputFiles, Group total,
            List<Group> byStatus, List<Group> byPayer, long otherCodeLines, long duplicates, long rejectedRows) {
        this(runDate, generatedAt, inputFiles, total, byStatus, byPayer, otherCodeLines, duplicates, rejectedRows,
                List.of(), List.of(), List.of());
    }

    /** One input file: kind, name, data rows read, target lines, rejected rows, and why it was skipped. */
    public record InputFile(String kind, String name, long rows, Long targetLines, long rejected, String skippedReason) {
    }

    /** Count and dollars of a group of lines (a status, a payer, a denial code, or all). */
    public record Group(String key, String label, long lines, BigDecimal billed, BigDecimal paid, BigDecimal reimbursed,
            BigDecimal expected, BigDecimal variance, BigDecimal atStake) {
    }

    /** A code and its plain-language description. */
    public record CodeNote(String code, String description) {
    }
}
