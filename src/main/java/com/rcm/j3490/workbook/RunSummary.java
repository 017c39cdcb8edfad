package com.rcm.j3490.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the Summary sheet shows about one run. */
public record RunSummary(
        LocalDate runDate,
        LocalDateTime generatedAt,
        List<InputFile> inputFiles,
        Group total,
        List<Group> byStatus,
        List<Group> byPayer,
        long otherCodeLines,
        long duplicates,
        long rejectedRows) {

    /** One input file: kind, name, data rows read, target lines, rejected rows, and why it was skipped. */
    public record InputFile(String kind, String name, long rows, Long targetLines, long rejected, String skippedReason) {
    }

    /** Count and dollars of a group of lines (a status, a payer, or all). */
    public record Group(String key, String label, long lines, BigDecimal billed, BigDecimal paid, BigDecimal reimbursed,
            BigDecimal expected, BigDecimal variance, BigDecimal atStake) {
    }
}
