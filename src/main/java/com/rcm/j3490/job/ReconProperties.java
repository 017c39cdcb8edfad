package com.rcm.j3490.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's settings, bound once at start and immutable; the names are part of the product
 * contract (README, "Properties"). A value that makes no sense is refused here (exit 2, one line
 * naming the property), before any run starts; {@link ReconPropertyNames} refuses a mistyped name.
 *
 * @param targetCodes the procedure codes to reconcile, upper-cased; never empty
 * @param chunkSize remittance rows per transaction; a restart resumes after the last committed chunk
 * @param reconcileThreads threads that parse and price a chunk's records (1 = all on the step's
 *        thread); also remittance files checked at once
 * @param skipLimit malformed remittance rows a run may reject (and list) before it fails; negative =
 *        no limit. Checked before any line is reconciled, so a run over the limit writes nothing and,
 *        once the file is fixed, its restart gives the same result as a clean run.
 * @param shutdownTimeout on shutdown (SIGTERM) during a run: how long to wait for it to stop at its
 *        next commit
 * @param retentionDays the staged lines, rejected rows and duplicate keys (patient data) of runs
 *        that completed (or were abandoned) longer ago than this are deleted when a run is launched;
 *        the backlog's work items, the run history and file checksums are kept
 */
@ConfigurationProperties("recon")
public record ReconProperties(
        @DefaultValue Input input,
        @DefaultValue Reference reference,
        @DefaultValue Output output,
        @DefaultValue Workbook workbook,
        @DefaultValue("J3490") List<String> targetCodes,
        @DefaultValue("365") int invoiceLookbackDays,
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("2") int reconcileThreads,
        @DefaultValue("1000") int skipLimit,
        @DefaultValue Progress progress,
        @DefaultValue Schedule schedule,
        @DefaultValue("60s") Duration shutdownTimeout,
        @DefaultValue("90") int retentionDays) {

    /** HCPCS Level II (a letter and 4 digits, J3490) or CPT (5 characters, the first 4 digits: 96413, 0001F). */
    private static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Z][0-9]{4}|[0-9]{4}[0-9A-Z]");

    public ReconProperties {
        targetCodes = targetCodes(targetCodes);
        atLeast("recon.invoice-lookback-days", invoiceLookbackDays, 0);
        atLeast("recon.chunk-size", chunkSize, 1);
        atLeast("recon.reconcile-threads", reconcileThreads, 1);
        atLeast("recon.retention-days", retentionDays, 1);
        if (shutdownTimeout.isNegative()) {
            throw refused("recon.shutdown-timeout must not be negative");
        }
    }

    /**
     * A blank or malformed list is refused: silently reconciling no line would record the files'
     * checksums, and the next night would skip them as already reconciled.
     */
    private static List<String> targetCodes(List<String> codes) {
        List<String> upper = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                throw refused("recon.target-codes has an empty entry; give procedure codes separated by commas, "
                        + "e.g. recon.target-codes=J3490,J3590");
            }
            if (!PROCEDURE_CODE.matcher(c).matches()) {
                throw refused("recon.target-codes: '" + c + "' is not a procedure code like J3490 (a letter and 4 "
                        + "digits) or a 5-character CPT code");
            }
            if (!upper.contains(c)) {
                upper.add(c);
            }
        }
        if (upper.isEmpty()) {
            throw refused("recon.target-codes is empty: no line would be reconciled and tonight's files would be "
                    + "recorded as done; give at least one code, e.g. recon.target-codes=J3490");
        }
        return List.copyOf(upper);
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw refused(name + " is " + value + "; it must be at least " + min);
        }
    }

    private static UserError refused(String message) {
        return new UserError(ExitCode.REFUSED, "Refused: " + message + ".");
    }

    /**
     * Progress lines of the reconcile step: at a commit, when either threshold is reached.
     *
     * @param interval time between two progress lines
     * @param everyChunks also log every this many chunks; 0 = by time only
     */
    public record Progress(@DefaultValue("10s") Duration interval, @DefaultValue("0") int everyChunks) {
        public Progress {
            if (interval.isNegative() || interval.isZero()) {
                throw refused("recon.progress.interval must be positive");
            }
            atLeast("recon.progress.every-chunks", everyChunks, 0);
        }
    }

    /**
     * The {@code schedule} command: one run per night, in this process.
     *
     * @param cron Spring cron expression (second minute hour day-of-month month day-of-week)
     * @param zone time zone of the cron expression and of the run date; null or blank = the system's
     * @param runDateOffsetDays runDate = the date in {@code zone} when the schedule fires, minus this many days
     */
    public record Schedule(@DefaultValue("0 0 2 * * *") String cron, String zone,
            @DefaultValue("0") int runDateOffsetDays) {
    }

    /**
     * @param claims the provider's claims (contract 5.3, 5.4): a file or folder of X12 837 and
     *        claim-lines CSV files, joined to the 835 service lines; null = none
     */
    public record Input(
            @DefaultValue("input-samples/remittance") Path remittance,
            @DefaultValue("input-samples/invoices") Path invoices,
            Path claims) {
    }

    /**
     * @param codeDescriptions a licensed full CARC/RARC list (CSV: code, description) that takes
     *        precedence over the shipped one; null = none
     */
    public record Reference(
            @DefaultValue("input-samples/reference/payer-contracts.csv") Path contracts,
            @DefaultValue("input-samples/reference/asp-pricing.csv") Path pricing,
            Path codeDescriptions) {
    }

    public record Output(@DefaultValue("reports") Path dir) {
    }

    /**
     * @param deadlineWarningDays worklist rows whose appeal deadline is this close stand out; past-due rows more so
     * @param carryOverDir where the earlier workbooks are read for the team's columns; null = the output folder
     * @param resolvedDays the Resolved sheet lists the items resolved in this many days, the run date included
     * @param patientNames {@code all}: patient names on the worklists that need them (Denied *, Patient Resp,
     *                     No Expected); {@code none}: on no worklist
     */
    public record Workbook(@DefaultValue("14") int deadlineWarningDays, Path carryOverDir,
            @DefaultValue("30") int resolvedDays, @DefaultValue("all") PatientNames patientNames) {
        public Workbook {
            atLeast("recon.workbook.deadline-warning-days", deadlineWarningDays, 0);
            atLeast("recon.workbook.resolved-days", resolvedDays, 1);
        }
    }

    /** Where patient names appear (contract 6.4). */
    public enum PatientNames {
        ALL, NONE
    }
}
