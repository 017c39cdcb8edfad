package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.ReconciledLine;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** All SQL of the job's staging tables (see db/recon-schema.sql); portable between H2 and PostgreSQL. */
public class ReconRepository {
    private static final int MAX_RAW_ROW = 32000;
    /**
     * A staged line is one {@link LineCodec} value ({@code line_data}) beside the few columns SQL
     * needs: forty typed columns made the database's row encoding and decoding most of the
     * reconcile step's time and half of the workbook step's reading.
     */
    private static final String INSERT_LINE = "INSERT INTO recon_line (job_instance_id, seq, source_file, source_line, "
            + "duplicate_key, duplicate_of, claim_id, status, line_data, check_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_KEY = "INSERT INTO recon_line_key (check_key, key_high, key_low, "
            + "job_instance_id) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public ReconRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The 835s' balancing, claim CAS and PLB of a run, in the same database. */
    public RemittanceBalanceStore remittanceBalances() {
        return new RemittanceBalanceStore(jdbc);
    }

    /** The provider's claims of a run (contract 5.3), staged for the join, in the same database. */
    public StagedClaims stagedClaims() {
        return new StagedClaims(jdbc);
    }

    // ---- run files -------------------------------------------------------------------

    /** An input file of a run; {@code skippedReason} is set when its content was reconciled before. */
    public record RunFile(InputKind kind, int order, String name, Path path, String checksum, String skippedReason,
            long rowsRead, long otherCodeRows, long targetLines, long duplicateLines) {

        /** A file as the inventory finds it: nothing read from it yet. */
        public RunFile(InputKind kind, int order, String name, Path path, String checksum, String skippedReason,
                long rowsRead) {
            this(kind, order, name, path, checksum, skippedReason, rowsRead, 0, 0, 0);
        }
    }

    public void replaceRunFiles(long instanceId, List<RunFile> files) {
        jdbc.update("DELETE FROM recon_run_file WHERE job_instance_id = ?", instanceId);
        jdbc.batchUpdate("INSERT INTO recon_run_file (job_instance_id, file_kind, file_order, file_name, file_path, "
                + "checksum, skipped_reason, rows_read, other_code_rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", files, 100,
                (ps, f) -> {
                    ps.setLong(1, instanceId);
                    ps.setString(2, f.kind().name());
                    ps.setInt(3, f.order());
                    ps.setString(4, f.name());
                    ps.setString(5, f.path().toString());
                    ps.setString(6, f.checksum());
                    ps.setString(7, f.skippedReason());
                    ps.setLong(8, f.rowsRead());
                    ps.setLong(9, f.otherCodeRows());
                });
    }

    public List<RunFile> runFiles(long instanceId) {
        return jdbc.query("SELECT * FROM recon_run_file WHERE job_instance_id = ? ORDER BY file_kind, file_order",
                (rs, i) -> new RunFile(InputKind.valueOf(rs.getString("file_kind")), rs.getInt("file_order"),
                        rs.getString("file_name"), Path.of(rs.getString("file_path")), rs.getString("checksum"),
                        rs.getString("skipped_reason"), rs.getLong("rows_read"), rs.getLong("other_code_rows"),
                        rs.getLong("target_lines"), rs.getLong("duplicate_lines")),
                instanceId);
    }

    /** The remittance files this run reads, in order (files skipped as already reconciled are left out). */
    public List<RemittanceFile> remittanceFilesToRead(long instanceId) {
        return runFiles(instanceId).stream()
                .filter(f -> f.kind() == InputKind.REMITTANCE && f.skippedReason() == null)
                .map(f -> new RemittanceFile(f.order(), f.name(), f.path()))
                .toList();
    }

    /** The claim files of the run (recon.input.claims), in the run's order. */
    public List<Path> claimFiles(long instanceId) {
        return runFiles(instanceId).stream().filter(f -> f.kind() == InputKind.CLAIM_LINES).map(RunFile::path).toList();
    }

    // ---- content checksums of reconciled remittance files -------------------------------

    /** Which completed run (other than this one) already reconciled this content, if any. */
    public Optional<String> reconciledElsewhere(String checksum, long instanceId) {
        return jdbc.query("SELECT file_name, run_date FROM recon_reconciled_file WHERE checksum = ? AND job_instance_id <> ?",
                (rs, i) -> "content already reconciled by the run of " + rs.getDate("run_date").toLocalDate()
                        + " (as " + rs.getString("file_name") + ")",
                checksum, instanceId).stream().findFirst();
    }

    public void registerReconciled(long instanceId, LocalDate runDate, List<RunFile> files) {
        for (RunFile f : files) {
            if (f.kind() != InputKind.REMITTANCE || f.skippedReason() != null || f.checksum() == null) {
                continue;
            }
            jdbc.update("DELETE FROM recon_reconciled_file WHERE checksum = ?", f.checksum());
            jdbc.update("INSERT INTO recon_reconciled_file (checksum, file_name, run_date, job_instance_id, completed_at) "
                    + "VALUES (?, ?, ?, ?, ?)", f.checksum(), f.name(), Date.valueOf(runDate), instanceId,
                    Timestamp.valueOf(LocalDateTime.now()));
        }
    }

    // ---- rejected rows ----------------------------------------------------------------

    public record Rejected(InputKind kind, int fileOrder, RowRejection rejection) {
    }

    public void replaceReferenceRejections(long instanceId, List<Rejected> rejections) {
        jdbc.update("DELETE FROM recon_rejected_row WHERE job_instance_id = ? AND file_kind <> ?", instanceId,
                InputKind.REMITTANCE.name());
        insertRejections(instanceId, rejections);
    }

    /** Replaces the run's rejected rows of one kind of input (the claim-lines CSV rows, read when the reconcile step opens). */
    public void replaceRejections(long instanceId, InputKind kind, List<Rejected> rejections) {
        jdbc.update("DELETE FROM recon_rejected_row WHERE job_instance_id = ? AND file_kind = ?", instanceId, kind.name());
        insertRejections(instanceId, rejections);
    }

    private void insertRejections(long instanceId, List<Rejected> rejections) {
        jdbc.batchUpdate("INSERT INTO recon_rejected_row (job_instance_id, file_kind, file_order, line_no, file_name, "
                + "reason, raw_row) VALUES (?, ?, ?, ?, ?, ?, ?)", rejections, 500, (ps, r) -> {
                    ps.setLong(1, instanceId);
                    ps.setString(2, r.kind().name());
                    ps.setInt(3, r.fileOrder());
                    ps.setLong(4, r.rejection().line());
                    ps.setString(5, r.rejection().file());
                    ps.setString(6, truncate(r.rejection().reason(), 1000));
                    ps.setString(7, truncate(r.rejection().rawRow(), MAX_RAW_ROW));
                });
    }

    /** Rejected rows in report order: reference files first, then claims, then remittances, each by file and line. */
    public void forEachRejection(long instanceId, Consumer<RowRejection> sink) {
        jdbc.query("SELECT file_name, line_no, reason, raw_row FROM recon_rejected_row WHERE job_instance_id = ? "
                + "ORDER BY CASE file_kind WHEN 'CONTRACTS' THEN 1 WHEN 'PRICING' THEN 2 WHEN 'INVOICES' THEN 3 "
                + "WHEN 'CLAIM_LINES' THEN 4 ELSE 5 END, "
                + "file_order, line_no", rs -> {
                    sink.accept(new RowRejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }, instanceId);
    }

    public long countRejections(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recon_rejected_row WHERE job_instance_id = ?", Long.class,
                instanceId);
    }

    // ---- the reconcile step's chunk -------------------------------------------------------

    /** Writes one chunk: lines (a redelivered row points at the earlier one), rejections, file counts. */
    void writeChunk(long instanceId, List<? extends LineOutcome> chunk, DuplicateIndex firstLines,
            EarlierRunKeys earlierRuns) {
        List<LineOutcome.Reconciled> lines = new ArrayList<>(chunk.size());
        List<Rejected> rejections = new ArrayList<>();
        Map<Integer, long[]> fileCounts = new HashMap<>();
        // per file: rows read, other codes, target lines (duplicates included), duplicates
        for (LineOutcome o : chunk) {
            long[] counts = fileCounts.computeIfAbsent(o.fileOrder(), k -> new long[4]);
            counts[0]++;
            if (o instanceof LineOutcome.Reconciled r) {
                lines.add(r);
                counts[2]++;
            } else if (o instanceof LineOutcome.Rejected r) {
                rejections.add(new Rejected(InputKind.REMITTANCE, r.fileOrder(), r.rejection()));
            } else {
                counts[1]++;
            }
        }
        Long[] duplicateOf = insertLines(instanceId, lines, firstLines, earlierRuns);
        for (int i = 0; i < duplicateOf.length; i++) {
            if (duplicateOf[i] != null) {
                fileCounts.get(lines.get(i).fileOrder())[3]++;
            }
        }
        insertRejections(instanceId, rejections);
        fileCounts.forEach((order, counts) -> jdbc.update("UPDATE recon_run_file SET rows_read = rows_read + ?, "
                + "other_code_rows = other_code_rows + ?, target_lines = target_lines + ?, "
                + "duplicate_lines = duplicate_lines + ? WHERE job_instance_id = ? AND file_kind = ? AND file_order = ?",
                counts[0], counts[1], counts[2], counts[3], instanceId, InputKind.REMITTANCE.name(), order));
    }

    /**
     * Inserts the lines; returns, for each, the seq of the earlier line of the run it repeats, or
     * minus the job instance of the earlier completed run that reconciled it, or null.
     */
    private Long[] insertLines(long instanceId, List<LineOutcome.Reconciled> lines, DuplicateIndex firstLines,
            EarlierRunKeys earlierRuns) {
        if (lines.isEmpty()) {
            return new Long[0];
        }
        long[] checkKeys = new long[lines.size()];
        java.util.Set<Long> checks = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ReconciledLine line = lines.get(i).line();
            checkKeys[i] = DuplicateKey.checkKey(line.payerId(), line.checkNumber());
            checks.add(checkKeys[i]);
        }
        earlierRuns.prefetch(checks);
        Map<Integer, String> keysInChunk = new HashMap<>();
        Long[] duplicateOf = new Long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            LineOutcome.Reconciled r = lines.get(i);
            long fingerprint = DuplicateIndex.fingerprint(r.duplicateKey());
            int earlier = firstLines.find(fingerprint,
                    seq -> r.duplicateKey().equals(keyOf(instanceId, seq, keysInChunk)));
            Long earlierRun = earlier < 0 ? earlierRuns.reconciledBy(checkKeys[i], r.duplicateKey()) : null;
            if (earlierRun != null) {
                // reconciled by an earlier completed run: a duplicate, and so are its repeats in this run
                duplicateOf[i] = -earlierRun;
            } else if (earlier < 0) {
                int seq = Math.toIntExact(r.seq());
                firstLines.add(fingerprint, seq);
                keysInChunk.put(seq, r.duplicateKey());
            } else {
                duplicateOf[i] = (long) earlier;
            }
        }
        jdbc.batchUpdate(INSERT_LINE, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                LineOutcome.Reconciled r = lines.get(i);
                ps.setLong(1, instanceId);
                ps.setLong(2, r.seq());
                ps.setString(3, r.file());
                ps.setLong(4, r.sourceLine());
                ps.setString(5, r.duplicateKey());
                setLong(ps, 6, duplicateOf[i]);
                ps.setString(7, truncate(r.line().claimId(), 100));
                ps.setString(8, r.line().status().name());
                ps.setBytes(9, r.staged());
                ps.setLong(10, checkKeys[i]);
            }

            @Override
            public int getBatchSize() {
                return lines.size();
            }
        });
        // the keys later runs look up: in the chunk's transaction, so a restart finds those of the
        // committed chunks; they count once the run completes (registerReconciledKeys). In key
        // order, so the chunk's inserts walk the index's pages once.
        List<long[]> keys = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (duplicateOf[i] == null) {
                String key = lines.get(i).duplicateKey();
                keys.add(new long[] {checkKeys[i], DuplicateKey.high(key), DuplicateKey.low(key)});
            }
        }
        keys.sort(java.util.Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1])
                .thenComparingLong(k -> k[2]));
        jdbc.batchUpdate(INSERT_KEY, keys, Math.max(1, keys.size()), (ps, k) -> {
            ps.setLong(1, k[0]);
            ps.setLong(2, k[1]);
            ps.setLong(3, k[2]);
            ps.setLong(4, instanceId);
        });
        return duplicateOf;
    }

    /** The full duplicate key of an earlier line: from this chunk, else by primary key. */
    private String keyOf(long instanceId, int seq, Map<Integer, String> keysInChunk) {
        String key = keysInChunk.get(seq);
        return key != null ? key : jdbc.queryForObject(
                "SELECT duplicate_key FROM recon_line WHERE job_instance_id = ? AND seq = ?", String.class, instanceId, seq);
    }

    EarlierRunKeys earlierRunKeys(LocalDate runDate) {
        return new EarlierRunKeys(jdbc, runDate);
    }

    /** The duplicate key and seq of every line of the run that is not itself a duplicate. */
    void forEachFirstLine(long instanceId, java.util.function.ObjIntConsumer<String> sink) {
        jdbc.query("SELECT duplicate_key, seq FROM recon_line WHERE job_instance_id = ? AND duplicate_of IS NULL",
                rs -> {
                    sink.accept(rs.getString(1), rs.getInt(2));
                }, instanceId);
    }

    /**
     * Makes a completed run's line keys (written by the reconcile step, duplicates excluded) count
     * for later runs; those of an earlier run of the same date (a rerun replaces it) stop counting.
     * Two small statements: the keys themselves were written chunk by chunk.
     */
    public void registerReconciledKeys(long instanceId, LocalDate runDate) {
        jdbc.update("DELETE FROM recon_reconciled_run WHERE run_date = ? AND job_instance_id <> ?",
                Date.valueOf(runDate), instanceId);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM recon_reconciled_run WHERE job_instance_id = ?", Integer.class,
                instanceId) == 0) {
            jdbc.update("INSERT INTO recon_reconciled_run (job_instance_id, run_date) VALUES (?, ?)", instanceId,
                    Date.valueOf(runDate));
        }
    }

    /**
     * A repository from before 2026-12-04 kept the keys of completed runs in
     * {@code recon_reconciled_key} (the key's text, copied when a run completed): moves them to
     * {@code recon_line_key} and {@code recon_reconciled_run}, then drops it. Called once at start,
     * after the schema script; does nothing on a repository without that table.
     *
     * @return the keys moved
     */
    public long upgradeEarlierKeys() {
        boolean present = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection con) -> {
            var meta = con.getMetaData();
            for (String name : List.of("recon_reconciled_key", "RECON_RECONCILED_KEY")) {
                try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        }));
        if (!present) {
            return 0;
        }
        jdbc.update("INSERT INTO recon_reconciled_run (job_instance_id, run_date) "
                + "SELECT job_instance_id, MAX(run_date) FROM recon_reconciled_key k WHERE NOT EXISTS "
                + "(SELECT 1 FROM recon_reconciled_run r WHERE r.job_instance_id = k.job_instance_id) "
                + "GROUP BY job_instance_id");
        // idempotent: an upgrade stopped before the DROP starts again from scratch
        jdbc.update("DELETE FROM recon_line_key WHERE job_instance_id IN "
                + "(SELECT DISTINCT job_instance_id FROM recon_reconciled_key)");
        long[] moved = {0};
        List<Object[]> batch = new ArrayList<>();
        Runnable flush = () -> {
            jdbc.batchUpdate(INSERT_KEY, batch);
            moved[0] += batch.size();
            batch.clear();
        };
        jdbc.query("SELECT check_key, duplicate_key, job_instance_id FROM recon_reconciled_key", rs -> {
            String key = rs.getString(2);
            batch.add(new Object[] {rs.getLong(1), DuplicateKey.high(key), DuplicateKey.low(key), rs.getLong(3)});
            if (batch.size() == 1000) {
                flush.run();
            }
        });
        flush.run();
        jdbc.execute("DROP TABLE recon_reconciled_key");
        return moved[0];
    }

    // ---- retention -------------------------------------------------------------------------

    /**
     * Deletes what holds patient data of the runs whose last execution COMPLETED or was ABANDONED
     * before {@code cutoff}: staged lines, rejected rows (raw rows), and their duplicate keys. Kept:
     * the job repository's history, the runs' input file records and content checksums (no
     * patient data), and the backlog's work items, which live in their own tables. A failed or
     * stopped run keeps its lines, however old: a restart needs them.
     *
     * @return the job instances pruned
     */
    public List<Long> pruneRunsEndedBefore(LocalDateTime cutoff) {
        List<Long> instances = jdbc.queryForList("SELECT e.JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION e "
                + "WHERE e.STATUS IN ('COMPLETED', 'ABANDONED') AND e.END_TIME < ? AND e.JOB_EXECUTION_ID = "
                + "(SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID) "
                + "AND (EXISTS (SELECT 1 FROM recon_line l WHERE l.job_instance_id = e.JOB_INSTANCE_ID) "
                + "OR EXISTS (SELECT 1 FROM recon_rejected_row r WHERE r.job_instance_id = e.JOB_INSTANCE_ID) "
                + "OR EXISTS (SELECT 1 FROM recon_line_key k WHERE k.job_instance_id = e.JOB_INSTANCE_ID) "
                + "OR EXISTS (SELECT 1 FROM recon_x12_claim_stage c WHERE c.job_instance_id = e.JOB_INSTANCE_ID)) "
                + "ORDER BY e.JOB_INSTANCE_ID", Long.class, Timestamp.valueOf(cutoff));
        for (Long instance : instances) {
            jdbc.update("DELETE FROM recon_line WHERE job_instance_id = ?", instance);
            jdbc.update("DELETE FROM recon_rejected_row WHERE job_instance_id = ?", instance);
            jdbc.update("DELETE FROM recon_line_key WHERE job_instance_id = ?", instance);
            jdbc.update("DELETE FROM recon_reconciled_run WHERE job_instance_id = ?", instance);
            stagedClaims().delete(instance);
        }
        return instances;
    }

    // ---- reading lines back for the workbook ------------------------------------------------

    private static final RowMapper<ReconciledLine> LINE_MAPPER = (rs, n) -> {
        byte[] data = rs.getBytes(1);
        if (data == null) {
            throw new IllegalStateException("this run's lines were staged by an earlier version of the job; "
                    + "reconcile the date again with: rerun runDate=<date> --confirm");
        }
        return LineCodec.decode(data);
    };

    /**
     * Every reconciled (non-duplicate) line in input order. The ORDER BY names the whole primary key:
     * with {@code ORDER BY seq} alone H2 2.4 does not see that the key's order already gives it, and
     * sorts every line of the run into a temporary result before returning the first.
     */
    public void forEachLine(long instanceId, Consumer<ReconciledLine> sink) {
        stream("SELECT line_data FROM recon_line WHERE job_instance_id = ? AND duplicate_of IS NULL "
                + "ORDER BY job_instance_id, seq", sink, instanceId);
    }

    private void stream(String sql, Consumer<ReconciledLine> sink, Object... args) {
        jdbc.query(streamingQuery(sql, args), rs -> {
            sink.accept(LINE_MAPPER.mapRow(rs, 0));
        });
    }

    /**
     * H2 builds a query's whole result before returning its first row (in memory up to a few
     * ten thousand rows, then in a temporary file) unless the session runs queries lazily; a
     * million staged lines would fill the heap and be written to disk a second time. Lazy
     * execution streams rows from the table's cursor. PostgreSQL streams with a fetch size
     * inside a transaction, as here.
     */
    /** A forward-only query that streams its rows (H2 lazily, others by fetch size), for large reads. */
    public static org.springframework.jdbc.core.PreparedStatementCreator streamingQuery(String sql, Object... args) {
        return con -> {
            streamResults(con);
            PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(1000);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        };
    }

    private static void streamResults(java.sql.Connection con) throws SQLException {
        if ("H2".equals(con.getMetaData().getDatabaseProductName())) {
            try (java.sql.Statement s = con.createStatement()) {
                s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
        }
    }

    // ---- counts of a run, for the manager commands and the end-of-run line ----------------------

    /**
     * What a run has done so far (committed work only): remittance rows read, reconciled lines
     * (duplicates excluded), duplicates, rejected rows (all files), remittance files and how many
     * of them were skipped because a completed run had reconciled their content.
     */
    public record RunCounts(long rowsRead, long lines, long duplicates, long rejected, long remittanceFiles,
            long skippedFiles) {
    }

    public RunCounts runCounts(long instanceId) {
        long[] lines = jdbc.queryForObject("SELECT COUNT(*) - COUNT(duplicate_of), COUNT(duplicate_of) FROM recon_line "
                + "WHERE job_instance_id = ?", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, instanceId);
        return runCounts(instanceId, lines[0], lines[1]);
    }

    /** The counts, with the line and duplicate counts already known (no scan of recon_line). */
    public RunCounts runCounts(long instanceId, long lines, long duplicates) {
        return jdbc.queryForObject("SELECT "
                + "(SELECT COALESCE(SUM(rows_read), 0) FROM recon_run_file WHERE job_instance_id = ? AND file_kind = 'REMITTANCE'), "
                + "(SELECT COUNT(*) FROM recon_rejected_row WHERE job_instance_id = ?), "
                + "(SELECT COUNT(*) FROM recon_run_file WHERE job_instance_id = ? AND file_kind = 'REMITTANCE'), "
                + "(SELECT COUNT(*) FROM recon_run_file WHERE job_instance_id = ? AND file_kind = 'REMITTANCE' "
                + "AND skipped_reason IS NOT NULL)",
                (rs, n) -> new RunCounts(rs.getLong(1), lines, duplicates, rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                instanceId, instanceId, instanceId, instanceId);
    }

    // ---- aggregates for the summary -----------------------------------------------------------

    /** Lines of the run per status (duplicates excluded), by status name. */
    public Map<String, Long> linesPerStatus(long instanceId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM recon_line WHERE job_instance_id = ? AND duplicate_of IS NULL "
                + "GROUP BY status", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, instanceId);
        return counts;
    }

    /** Rejected rows per file name and kind. */
    public Map<String, Long> rejectionsPerFile(long instanceId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT file_kind, file_order, COUNT(*) FROM recon_rejected_row WHERE job_instance_id = ? "
                + "GROUP BY file_kind, file_order", rs -> {
                    counts.put(rs.getString(1) + "#" + rs.getInt(2), rs.getLong(3));
                }, instanceId);
        return counts;
    }

    // ---- helpers -------------------------------------------------------------------------

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
