package com.rcm.j3490.backlog;

import com.rcm.j3490.rules.DrugSource;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/** Reconciled lines for backlog tests: only what the item rules look at is set. */
public final class BacklogLines {
    public static final LocalDate DOS = LocalDate.of(2026, 9, 1);

    private BacklogLines() {
    }

    /**
     * A store that commits a night's items every {@code lines} lines, so that a test can leave a
     * night half applied (opened, a chunk committed, not finished) as a run in progress does.
     */
    public static BacklogStore storeCommittingEvery(javax.sql.DataSource dataSource, int lines) {
        return new BacklogStore(dataSource, lines);
    }

    /** The lines of one chunk the store applies (and, with {@link #storeCommittingEvery}, commits) at once. */
    public static int chunk() {
        return BacklogStore.CHUNK;
    }

    public static Builder line(String claimId, Status status) {
        return new Builder(claimId, status);
    }

    public static final class Builder {
        private final String claimId;
        private final Status status;
        private String payerId = "P1";
        private String lineNumber = "1";
        private String claimStatus = "1";
        private String check = "CHK-1";
        private BigDecimal paid = new BigDecimal("0.00");
        private BigDecimal reimbursed;
        private BigDecimal atStake = new BigDecimal("100.00");
        private String adjustments = "";
        private List<String> denialCodes = List.of();
        private List<String> remarks = List.of();
        private String team = "Billing";
        private LocalDate appealDeadline = DOS.plusDays(200);

        Builder(String claimId, Status status) {
            this.claimId = claimId;
            this.status = status;
        }

        public Builder payer(String v) {
            payerId = v;
            return this;
        }

        public Builder lineNumber(String v) {
            lineNumber = v;
            return this;
        }

        public Builder claimStatus(String v) {
            claimStatus = v;
            return this;
        }

        public Builder check(String v) {
            check = v;
            return this;
        }

        public Builder paid(String v) {
            paid = new BigDecimal(v);
            return this;
        }

        public Builder reimbursed(String v) {
            reimbursed = new BigDecimal(v);
            return this;
        }

        public Builder atStake(String v) {
            atStake = new BigDecimal(v);
            return this;
        }

        /** As sent, e.g. "CO-16:100.00;CO-253:2.00"; the denial codes follow from it. */
        public Builder adjustments(String v) {
            adjustments = v;
            denialCodes = v.isEmpty() ? List.of() : java.util.Arrays.stream(v.split(";")).map(a -> a.split(":")[0])
                    .filter(c -> !c.startsWith("PR-") && !c.equals("CO-45")).distinct().toList();
            return this;
        }

        public Builder remarks(String... v) {
            remarks = List.of(v);
            return this;
        }

        public Builder team(String v) {
            team = v;
            return this;
        }

        public Builder appealDeadline(LocalDate v) {
            appealDeadline = v;
            return this;
        }

        public ReconciledLine build() {
            BigDecimal reimb = reimbursed != null ? reimbursed : paid;
            return new ReconciledLine(claimId, lineNumber, check, claimStatus, payerId, "Payer " + payerId, null,
                    "DOE, JANE", DOS, DOS.plusDays(20), "J3490", "JZ", "12345-6789-01", "Drug", null, null,
                    BigDecimal.ONE, new BigDecimal("1000.00"), paid, reimb, new BigDecimal("1000.00"),
                    reimb.subtract(new BigDecimal("1000.00")), null, null, null, status, denialCodes, remarks,
                    EnumSet.noneOf(Flag.class), status == Status.PAID_OK ? null : "Work it", team, appealDeadline,
                    status == Status.PAID_OK ? new BigDecimal("0.00") : atStake, DrugSource.NONE, BigDecimal.ONE, null,
                    adjustments, DOS.plusDays(365));
        }
    }
}
