package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.x12.ClaimAdjustment;
import com.rcm.j3490.input.x12.ProviderAdjustment;
import com.rcm.j3490.input.x12.RemittanceListener;
import com.rcm.j3490.input.x12.TransactionBalance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Carries the 835s' balancing, claim CAS and PLB from the reconcile step, and the unjoined claim
 * lines from the remittance check, to the workbook step through the staging database (tables
 * {@code recon_x12_*}). Restart-safe by construction: the reader replays every file from its start
 * on restart, so opening a pass deletes the run's rows and the pass writes them again; rows
 * written in a chunk that rolls back roll back with it. Its size grows with transaction sets,
 * claim CAS and PLB, not with lines.
 */
public class RemittanceBalanceStore {
    private final JdbcTemplate jdbc;

    public RemittanceBalanceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts a reading pass of the run's remittances: forgets what an earlier pass of this run
     * stored, and returns what the reader needs to store this one.
     */
    public X12Remittances startPass(long instanceId) {
        for (String table : List.of("recon_x12_transaction", "recon_x12_unbalanced_claim", "recon_x12_claim_adjustment",
                "recon_x12_provider_adjustment")) {
            jdbc.update("DELETE FROM " + table + " WHERE job_instance_id = ?", instanceId);
        }
        return new Pass(instanceId);
    }

    /**
     * The claims' figures as the remittance check joined them (the run's staged claims against all
     * its 835 lines), replacing those of an earlier attempt; none when no claims were given.
     *
     * @param claimLines   target-code claim lines kept for joining, or null when no claims were given
     * @param unjoinedLines of them, those no 835 line joined
     */
    public void claims(long instanceId, Long claimLines, Long unjoinedLines) {
        jdbc.update("DELETE FROM recon_x12_claims WHERE job_instance_id = ?", instanceId);
        if (claimLines != null) {
            jdbc.update("INSERT INTO recon_x12_claims (job_instance_id, claim_lines, unjoined_lines) VALUES (?, ?, ?)",
                    instanceId, claimLines, unjoinedLines);
        }
    }

    /** What the run stored, in reading order. */
    public RemittanceBalances load(long instanceId) {
        Map<Long, List<TransactionBalance.ClaimBalance>> unbalanced = new HashMap<>();
        jdbc.query("SELECT entry_no, claim_id, charge, paid, adjustments FROM recon_x12_unbalanced_claim "
                + "WHERE job_instance_id = ? ORDER BY entry_no, claim_no", rs -> {
                    unbalanced.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TransactionBalance.ClaimBalance(
                            rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }, instanceId);
        List<TransactionBalance> transactions = jdbc.query("SELECT * FROM recon_x12_transaction WHERE job_instance_id = ? "
                + "ORDER BY entry_no", (rs, i) -> new TransactionBalance(rs.getString("file_name"),
                        rs.getLong("st_position"), rs.getString("check_number"), rs.getString("payer_id"),
                        rs.getString("payer_name"), rs.getBigDecimal("payment_amount"),
                        rs.getBigDecimal("claim_paid_total"), rs.getBigDecimal("plb_total"), rs.getInt("claims"),
                        rs.getInt("service_lines"), rs.getInt("unbalanced_lines"),
                        unbalanced.getOrDefault(rs.getLong("entry_no"), List.of())), instanceId);
        List<ClaimAdjustment> claimAdjustments = jdbc.query("SELECT * FROM recon_x12_claim_adjustment "
                + "WHERE job_instance_id = ? ORDER BY entry_no", (rs, i) -> new ClaimAdjustment(rs.getString("file_name"),
                        rs.getString("check_number"), rs.getString("payer_id"), rs.getString("claim_id"),
                        rs.getString("group_code"), rs.getString("reason"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("quantity")), instanceId);
        List<ProviderAdjustment> providerAdjustments = jdbc.query("SELECT * FROM recon_x12_provider_adjustment "
                + "WHERE job_instance_id = ? ORDER BY entry_no", (rs, i) -> new ProviderAdjustment(
                        rs.getString("file_name"), rs.getString("check_number"), rs.getString("payer_id"),
                        rs.getString("provider_id"), rs.getString("fiscal_date"), rs.getString("reason"),
                        rs.getString("reference"), rs.getBigDecimal("amount")), instanceId);
        List<long[]> claims = jdbc.query("SELECT claim_lines, unjoined_lines FROM recon_x12_claims WHERE job_instance_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, instanceId);
        return new RemittanceBalances(transactions, claimAdjustments, providerAdjustments,
                claims.isEmpty() ? null : claims.get(0)[0], claims.isEmpty() ? null : claims.get(0)[1]);
    }

    /** One reading pass: numbers its entries in reading order, which a replay repeats exactly. */
    private final class Pass implements X12Remittances, RemittanceListener {
        private final long instanceId;
        private long entryNo;

        Pass(long instanceId) {
            this.instanceId = instanceId;
        }

        @Override
        public RemittanceListener listener(RemittanceFile file) {
            return this;
        }

        @Override
        public void transaction(TransactionBalance b) {
            long entry = ++entryNo;
            jdbc.update("INSERT INTO recon_x12_transaction (job_instance_id, entry_no, file_name, st_position, "
                    + "check_number, payer_id, payer_name, payment_amount, claim_paid_total, plb_total, claims, "
                    + "service_lines, unbalanced_lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", instanceId,
                    entry, b.file(), b.stPosition(), cut(b.checkNumber(), 80), cut(b.payerId(), 80),
                    cut(b.payerName(), 200), b.paymentAmount(), b.claimPaidTotal(), b.providerAdjustmentTotal(),
                    b.claims(), b.serviceLines(), b.unbalancedServiceLines());
            List<TransactionBalance.ClaimBalance> claimsOff = b.unbalancedClaims();
            int[] claimNo = {0};
            jdbc.batchUpdate("INSERT INTO recon_x12_unbalanced_claim (job_instance_id, entry_no, claim_no, claim_id, "
                    + "charge, paid, adjustments) VALUES (?, ?, ?, ?, ?, ?, ?)", claimsOff, 500, (ps, c) -> {
                        ps.setLong(1, instanceId);
                        ps.setLong(2, entry);
                        ps.setInt(3, claimNo[0]++);
                        ps.setString(4, cut(c.claimId(), 100));
                        ps.setBigDecimal(5, c.charge());
                        ps.setBigDecimal(6, c.paid());
                        ps.setBigDecimal(7, c.adjustments());
                    });
        }

        @Override
        public void claimAdjustment(ClaimAdjustment a) {
            jdbc.update("INSERT INTO recon_x12_claim_adjustment (job_instance_id, entry_no, file_name, check_number, "
                    + "payer_id, claim_id, group_code, reason, amount, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    instanceId, ++entryNo, a.file(), cut(a.checkNumber(), 80), cut(a.payerId(), 80),
                    cut(a.claimId(), 100), cut(a.group(), 10), cut(a.reason(), 10), a.amount(), a.quantity());
        }

        @Override
        public void providerAdjustment(ProviderAdjustment a) {
            jdbc.update("INSERT INTO recon_x12_provider_adjustment (job_instance_id, entry_no, file_name, check_number, "
                    + "payer_id, provider_id, fiscal_date, reason, reference, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    instanceId, ++entryNo, a.file(), cut(a.checkNumber(), 80), cut(a.payerId(), 80),
                    cut(a.providerId(), 80), cut(a.fiscalPeriodDate(), 20), cut(a.reason(), 10),
                    cut(a.reference(), 200), a.amount());
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
