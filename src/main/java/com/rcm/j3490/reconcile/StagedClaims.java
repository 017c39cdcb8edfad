package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.input.x12.ClaimFiles;
import com.rcm.j3490.input.x12.ClaimJoin;
import com.rcm.j3490.input.x12.ClaimLine;
import com.rcm.j3490.input.x12.ClaimLineLookup;
import com.rcm.j3490.input.x12.ClaimSink;
import com.rcm.j3490.input.x12.ClaimVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The provider's claim lines (contract 5.3) staged in the job's database, so the join does not
 * hold the night's claims in memory. The first step stages every sending of every claim as read
 * (table {@code recon_x12_claim_line}: a claim's target-code lines, or one row saying a sending had
 * none, each with its BHT stamp and its reading order); the version rule is applied when claims are
 * looked up: a claim counts in its latest sending (latest BHT04/BHT05, ties the later one read).
 * The reconcile step looks up the claims of each batch of 835 lines with one indexed query
 * ({@link Lookup}).
 *
 * <p>Memory: one batch of claims (the 835 reader's join batch) and, for the joined-line
 * bookkeeping, one bit per staged row. Restart: the staged rows stay (they are the run's, fixed
 * with its inputs); the reconcile step replays its files from the start, so the bits of the lines
 * joined before the restart point are set again, deterministically, before reading resumes.
 */
public class StagedClaims {
    /** Rows written per insert batch (and per transaction while staging). */
    private static final int INSERT_BATCH = 2000;
    /** Column widths of claim_id (the input limit of an id) and bht_stamp. */
    private static final int MAX_ID = com.rcm.j3490.input.CsvRecord.MAX_VALUE_LENGTH;
    private static final int MAX_STAMP = 100;
    /** Claim ids per lookup query; shorter lists are padded, so the statement text is always the same. */
    static final int LOOKUP_IDS = 128;
    private static final String LOOKUP_SQL = "SELECT claim_id, sending, bht_stamp, target, ambiguous, line_seq, line_data "
            + "FROM recon_x12_claim_line WHERE job_instance_id = ? AND claim_id IN ("
            + String.join(", ", java.util.Collections.nCopies(LOOKUP_IDS, "?")) + ")";

    private final JdbcTemplate jdbc;

    public StagedClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What staging wrote: rows (target lines and markers) and the target-code lines of latest versions. */
    public record Staged(long rows, long claimLines) {
    }

    /**
     * Stages the run's claims, replacing what it staged before. Each insert batch commits in its
     * own transaction ({@code tx}, a new one): the remittance check reads them from other threads,
     * and a run killed while staging stages again ({@link #isStaged} is written last).
     *
     * @param claims reads the claims into the sink it is given, e.g. {@link #files}
     */
    public Staged stage(long instanceId, Consumer<ClaimSink> claims, Set<String> targetCodes, TransactionOperations tx) {
        tx.executeWithoutResult(s -> delete(instanceId));
        Writer writer = new Writer(instanceId, ClaimJoin.upper(targetCodes), tx);
        claims.accept(writer);
        writer.flush();
        long claimLines = tx.execute(s -> {
            long lines = latestTargetLines(instanceId, writer.targetRows);
            jdbc.update("INSERT INTO recon_x12_claim_stage (job_instance_id, staged_rows, claim_lines) VALUES (?, ?, ?)",
                    instanceId, writer.seq, lines);
            return lines;
        });
        return new Staged(writer.seq, claimLines);
    }

    /**
     * The claim files of a run ({@code recon.input.claims}, in the run's order) as {@link #stage} reads them.
     *
     * @param rejected receives the claim-lines CSV rows that cannot be read
     */
    public static Consumer<ClaimSink> files(List<Path> files, Consumer<RowRejection> rejected) {
        return sink -> ClaimFiles.read(files, sink, rejected);
    }

    /** Whether the run's claims are staged (claims were given and staging finished). */
    public boolean isStaged(long instanceId) {
        return !jdbc.queryForList("SELECT 1 FROM recon_x12_claim_stage WHERE job_instance_id = ?", Integer.class,
                instanceId).isEmpty();
    }

    /** Forgets what the run staged. */
    public void delete(long instanceId) {
        jdbc.update("DELETE FROM recon_x12_claim_stage WHERE job_instance_id = ?", instanceId);
        jdbc.update("DELETE FROM recon_x12_claim_line WHERE job_instance_id = ?", instanceId);
    }

    /**
     * A join over the run's staged claims with its own joined-line bookkeeping (each reading pass
     * takes a new one); null when the run has no staged claims (none were given).
     */
    public Lookup lookup(long instanceId) {
        List<long[]> stage = jdbc.query("SELECT staged_rows, claim_lines FROM recon_x12_claim_stage WHERE job_instance_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, instanceId);
        return stage.isEmpty() ? null : new Lookup(instanceId, stage.get(0)[0], stage.get(0)[1]);
    }

    /**
     * Target-code lines of latest sendings: all target rows, less those of sendings a later one
     * replaced. Only claim ids sent more than once are resolved (with the lookup's own rule).
     */
    private long latestTargetLines(long instanceId, long targetRows) {
        List<String> resent = jdbc.queryForList("SELECT claim_id FROM recon_x12_claim_line WHERE job_instance_id = ? "
                + "GROUP BY claim_id HAVING COUNT(DISTINCT sending) > 1", String.class, instanceId);
        long superseded = 0;
        Lookup lookup = new Lookup(instanceId, 0, 0);
        for (int from = 0; from < resent.size(); from += LOOKUP_IDS) {
            List<String> ids = resent.subList(from, Math.min(resent.size(), from + LOOKUP_IDS));
            Map<String, List<Row>> rows = lookup.rows(ids);
            for (List<Row> claimRows : rows.values()) {
                Row latest = latest(claimRows);
                superseded += claimRows.stream().filter(r -> r.target && r.sending != latest.sending).count();
            }
        }
        return targetRows - superseded;
    }

    private static Row latest(List<Row> rows) {
        Row latest = null;
        for (Row r : rows) {
            if (latest == null || r.version().compareTo(latest.version()) > 0) {
                latest = r;
            }
        }
        return latest;
    }

    /** One staged row as read back. */
    private record Row(String claimId, long sending, String stamp, boolean target, boolean ambiguous, long seq,
            byte[] data) {
        /** The BHT stamp, then the reading order: a later sending of the same stamp replaces an earlier one. */
        ClaimVersion version() {
            return new ClaimVersion(stamp, (int) Math.min(Integer.MAX_VALUE, sending));
        }
    }

    /** Stages each sending as the claim readers offer it, in batches. */
    private final class Writer implements ClaimSink {
        private final long instanceId;
        private final Set<String> targetCodes;
        private final TransactionOperations tx;
        private final List<Object[]> batch = new ArrayList<>(INSERT_BATCH);
        private long seq;
        private long sending;
        private long targetRows;

        Writer(long instanceId, Set<String> targetCodes, TransactionOperations tx) {
            this.instanceId = instanceId;
            this.targetCodes = targetCodes;
            this.tx = tx;
        }

        @Override
        public void offer(String claimId, ClaimVersion version, List<ClaimLine> lines) {
            if (claimId.length() > MAX_ID) {
                return; // no remittance row with such a claim id is valid (input limits), so none could join
            }
            long thisSending = sending++;
            String stamp = version.bhtStamp().length() > MAX_STAMP ? version.bhtStamp().substring(0, MAX_STAMP)
                    : version.bhtStamp();
            List<ClaimLine> target = ClaimJoin.targetLines(targetCodes, lines);
            boolean ambiguous = ClaimJoin.ambiguous(lines);
            if (target.isEmpty()) {
                // the sending still counts: a later version without target lines removes the claim
                batch.add(new Object[] {instanceId, seq++, thisSending, claimId, stamp, false, false, null});
            }
            for (ClaimLine line : target) {
                batch.add(new Object[] {instanceId, seq++, thisSending, claimId, stamp, true, ambiguous,
                    encode(line)});
                targetRows++;
            }
            if (batch.size() >= INSERT_BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            tx.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO recon_x12_claim_line (job_instance_id, line_seq, "
                    + "sending, claim_id, bht_stamp, target, ambiguous, line_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch));
            batch.clear();
        }
    }

    /**
     * The join over the staged claims for one reading pass of the 835s: claims are fetched per
     * batch ({@link #prepare}), the rule is {@link ClaimJoin}'s, and the lines joined are one bit
     * each (by their staging order). Not thread-safe: one reader uses it.
     */
    public final class Lookup implements ClaimLineLookup {
        private final long instanceId;
        private final long claimLines;
        private final BitSet joined;
        private final Map<String, Claim> batch = new HashMap<>();

        private Lookup(long instanceId, long stagedRows, long claimLines) {
            this.instanceId = instanceId;
            this.claimLines = claimLines;
            this.joined = new BitSet((int) Math.min(Integer.MAX_VALUE, stagedRows));
        }

        @Override
        public void prepare(Collection<String> claimIds) {
            batch.clear();
            List<String> ids = new ArrayList<>(claimIds);
            for (int from = 0; from < ids.size(); from += LOOKUP_IDS) {
                load(ids.subList(from, Math.min(ids.size(), from + LOOKUP_IDS)));
            }
        }

        @Override
        public Optional<ClaimLine> join(String claimId, String lineRef, String procedureCode, LocalDate serviceDate,
                BigDecimal charge) {
            if (claimId == null) {
                return Optional.empty();
            }
            if (!batch.containsKey(claimId)) {
                load(List.of(claimId));
            }
            Claim claim = batch.get(claimId);
            if (claim == null || claim.ambiguous) {
                return Optional.empty();
            }
            int match = ClaimJoin.match(claim.lines, lineRef, procedureCode, serviceDate, charge);
            if (match < 0) {
                return Optional.empty();
            }
            joined.set((int) claim.seqs[match]);
            return Optional.of(claim.lines.get(match));
        }

        @Override
        public long lineCount() {
            return claimLines;
        }

        @Override
        public long unjoinedLineCount() {
            return claimLines - joined.cardinality();
        }

        /** Fetches the claims of these ids into the batch; an id without a joinable claim maps to null. */
        private void load(List<String> ids) {
            for (String id : ids) {
                batch.put(id, null);
            }
            rows(ids).forEach((claimId, rows) -> {
                Row latest = latest(rows);
                if (!latest.target) {
                    return;
                }
                List<Row> lines = rows.stream().filter(r -> r.sending == latest.sending).sorted(
                        java.util.Comparator.comparingLong(Row::seq)).toList();
                long[] seqs = lines.stream().mapToLong(Row::seq).toArray();
                batch.put(claimId, new Claim(lines.stream().map(r -> decode(claimId, r.data)).toList(), seqs,
                        latest.ambiguous));
            });
        }

        /** Every staged row of these claim ids (at most {@link #LOOKUP_IDS}), by claim id. */
        private Map<String, List<Row>> rows(List<String> ids) {
            Object[] args = new Object[LOOKUP_IDS + 1];
            args[0] = instanceId;
            for (int i = 0; i < LOOKUP_IDS; i++) {
                args[i + 1] = ids.get(Math.min(i, ids.size() - 1));
            }
            Map<String, List<Row>> byClaim = new HashMap<>();
            jdbc.query(LOOKUP_SQL, (ResultSet rs) -> {
                Row row = row(rs);
                byClaim.computeIfAbsent(row.claimId(), k -> new ArrayList<>()).add(row);
            }, args);
            return byClaim;
        }
    }

    private record Claim(List<ClaimLine> lines, long[] seqs, boolean ambiguous) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                rs.getLong(6), rs.getBytes(7));
    }

    /** A claim line's fields in a compact binary form (the claim id is a column of its own). */
    static byte[] encode(ClaimLine line) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String value : new String[] {line.lineRef(), line.procedureCode(), line.modifiers(), line.description(),
                line.charge() == null ? null : line.charge().toPlainString(), line.units(),
                line.serviceDate() == null ? null : line.serviceDate().toString(), line.ndc(), line.ndcQuantity(),
                line.ndcUnit(), line.patientName()}) {
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ClaimLine decode(String claimId, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            String[] v = new String[11];
            for (int i = 0; i < v.length; i++) {
                int length = in.readInt();
                if (length >= 0) {
                    byte[] utf8 = in.readNBytes(length);
                    v[i] = new String(utf8, StandardCharsets.UTF_8);
                }
            }
            return new ClaimLine(claimId, v[0], v[1], v[2], v[3], v[4] == null ? null : new BigDecimal(v[4]), v[5],
                    v[6] == null ? null : LocalDate.parse(v[6]), v[7], v[8], v[9], v[10]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
