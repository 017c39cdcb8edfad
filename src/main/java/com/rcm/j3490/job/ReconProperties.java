package com.rcm.j3490.job;

import java.nio.file.Path;
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

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
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
    }
}
