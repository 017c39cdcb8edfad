package com.rcm.j3490.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The job's settings; the names are part of the product contract (README, "Properties"). */
@ConfigurationProperties("recon")
public class ReconProperties {
    private final Input input = new Input();
    private final Reference reference = new Reference();
    private final Output output = new Output();
    private final Workbook workbook = new Workbook();
    private List<String> targetCodes = List.of("J3490");
    private int invoiceLookbackDays = 365;
    /** Remittance rows per transaction; a restart resumes after the last committed chunk. */
    private int chunkSize = 1000;
    /** Threads that parse and price a chunk's records (1 = all on the step's thread); also remittance files checked at once. */
    private int reconcileThreads = 2;
    /**
     * Malformed remittance rows a run may reject (and list) before it fails; negative = no limit.
     * Checked before any line is reconciled, so a run over the limit writes nothing and, once the
     * file is fixed, its restart gives the same result as a clean run.
     */
    private int skipLimit = 1000;
    private final Progress progress = new Progress();
    private final Schedule schedule = new Schedule();
    /** On shutdown (SIGTERM) during a run: how long to wait for it to stop at its next commit. */
    private Duration shutdownTimeout = Duration.ofSeconds(60);

    public Input getInput() {
        return input;
    }

    public Reference getReference() {
        return reference;
    }

    public Output getOutput() {
        return output;
    }

    public Workbook getWorkbook() {
        return workbook;
    }

    public List<String> getTargetCodes() {
        return targetCodes;
    }

    public void setTargetCodes(List<String> targetCodes) {
        this.targetCodes = targetCodes.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).toList();
    }

    public int getInvoiceLookbackDays() {
        return invoiceLookbackDays;
    }

    public void setInvoiceLookbackDays(int invoiceLookbackDays) {
        this.invoiceLookbackDays = invoiceLookbackDays;
    }

    public int getReconcileThreads() {
        return reconcileThreads;
    }

    public void setReconcileThreads(int reconcileThreads) {
        this.reconcileThreads = reconcileThreads;
    }

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    public int getSkipLimit() {
        return skipLimit;
    }

    public void setSkipLimit(int skipLimit) {
        this.skipLimit = skipLimit;
    }

    public Progress getProgress() {
        return progress;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /** Progress lines of the reconcile step: at a commit, when either threshold is reached. */
    public static class Progress {
        /** Time between two progress lines. */
        private Duration interval = Duration.ofSeconds(10);
        /** Also log every this many chunks; 0 = by time only. */
        private int everyChunks = 0;

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getEveryChunks() {
            return everyChunks;
        }

        public void setEveryChunks(int everyChunks) {
            this.everyChunks = everyChunks;
        }
    }

    /** The {@code schedule} command: one run per night, in this process. */
    public static class Schedule {
        /** Spring cron expression (second minute hour day-of-month month day-of-week). */
        private String cron = "0 0 2 * * *";
        /** Time zone of the cron expression and of the run date; null = the system's. */
        private String zone;
        /** runDate = the date in {@code zone} when the schedule fires, minus this many days. */
        private int runDateOffsetDays = 0;

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public String getZone() {
            return zone;
        }

        public void setZone(String zone) {
            this.zone = zone;
        }

        public int getRunDateOffsetDays() {
            return runDateOffsetDays;
        }

        public void setRunDateOffsetDays(int runDateOffsetDays) {
            this.runDateOffsetDays = runDateOffsetDays;
        }
    }

    public static class Input {
        private Path remittance = Path.of("input-samples/remittance");
        private Path invoices = Path.of("input-samples/invoices");

        public Path getRemittance() {
            return remittance;
        }

        public void setRemittance(Path remittance) {
            this.remittance = remittance;
        }

        public Path getInvoices() {
            return invoices;
        }

        public void setInvoices(Path invoices) {
            this.invoices = invoices;
        }
    }

    public static class Reference {
        private Path contracts = Path.of("input-samples/reference/payer-contracts.csv");
        private Path pricing = Path.of("input-samples/reference/asp-pricing.csv");
        /** A licensed full CARC/RARC list (CSV: code, description) that takes precedence over the shipped one. */
        private Path codeDescriptions;

        public Path getContracts() {
            return contracts;
        }

        public void setContracts(Path contracts) {
            this.contracts = contracts;
        }

        public Path getPricing() {
            return pricing;
        }

        public void setPricing(Path pricing) {
            this.pricing = pricing;
        }

        public Path getCodeDescriptions() {
            return codeDescriptions;
        }

        public void setCodeDescriptions(Path codeDescriptions) {
            this.codeDescriptions = codeDescriptions;
        }
    }

    public static class Output {
        private Path dir = Path.of("reports");

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }
    }

    public static class Workbook {
        /** Worklist rows whose appeal deadline is this close stand out; past-due rows more so. */
        private int deadlineWarningDays = 14;

        public int getDeadlineWarningDays() {
            return deadlineWarningDays;
        }

        public void setDeadlineWarningDays(int deadlineWarningDays) {
            this.deadlineWarningDays = deadlineWarningDays;
        }

        /** Where the earlier workbooks are read for the team's carried-over work; null = the output folder. */
        private Path carryOverDir;

        public Path getCarryOverDir() {
            return carryOverDir;
        }

        public void setCarryOverDir(Path carryOverDir) {
            this.carryOverDir = carryOverDir;
        }
    }
}
