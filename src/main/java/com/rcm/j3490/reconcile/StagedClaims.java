package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.input.x12.ClaimFiles;
import com.rcm.j3490.input.x12.ClaimJoin;
import com.rcm.j3490.input.x12.ClaimLine;
import com.rcm.j3490.input.x12.ClaimLineLookup;
import com.rcm.j3490.input.x12.ClaimSink;
import com.rcm.j3490.input.x12.ClaimVersion;
import com.rcm.j3490.threads.SideThread;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The provider's claim lines (contract 5.3) staged in the job's database, so the join does not
 * hold the night's claims in memory. The first step stages every sending of every claim as read:
 * one row per sending (table {@code recon_x12_claim_sending}) with its BHT stamp, its reading order
 * and its target-code lines in one value (none for a sending without them: a later version without
 * target lines removes the claim). The version rule is applied when a claim is looked up: the
 * latest sending counts (latest BHT04/BHT05, ties the later one read), whatever order the files
 * came in. The 835 reader looks up the claims of each batch of service lines with one indexed
 * {@code claim_id IN (...)} query ({@link Lookup}); the rule is {@link ClaimJoin}'s.
 *
 * <p>Threads: each claim file is a {@link Part}, read and written on its own (up to {@code threads}
 * files at once, each in its own transactions), so every number is fixed per file, never by which
 * thread got there first. The reading order ({@code sending}) is the file's position in the high
 * 32 bits and the sending's position in the file in the low ones: file order, then order within the
 * file, as one thread reads them. Target lines are numbered from 0 in each file ({@code first_line});
 * once every file is staged, where each file's lines start in the run's numbering is written
 * ({@code recon_x12_claim_file}), so a line's number is its file's first line plus its own, 0 to
 * staged lines - 1 as one thread numbers them. Rejected rows are passed on in file order, and the
 * claim ids that may have been sent more than once are picked in reading order once every file is
 * staged, so the result is the same with any number of threads.
 *
 * <p>Memory: one batch of claims per staging thread (a claim-lines CSV file holds its own lines
 * while it is read, {@link com.rcm.j3490.input.x12.ClaimLinesCsvReader}), four bytes per sending until
 * staging ends, and for the joined-line bookkeeping one bit per staged target line. Restart: the
 * staged rows stay (they are the run's, fixed with its inputs); the first step's remittance check,
 * which runs again on every restart, reads every 835 again with new lookups, so the same bits are
 * set, deterministically, and nothing is counted twice.
 */
public class StagedClaims {
    /** Sendings written per insert batch (and per transaction while staging). */
    private static final int INSERT_BATCH = 5000;
    /** {@code sending} = file position << 32 | position in the file (a file of 4 billion sendings is far beyond any input). */
    private static final int PART_SHIFT = 32;
    /** Column widths of claim_id (the input limit of an id) and bht_stamp. */
    private static final int MAX_ID = CsvRecord.MAX_VALUE_LENGTH;
    private static final int MAX_STAMP = 100;
    /**
     * Claim-id hashes seen while staging (1 MB of bits): a night of n claims has about n²/2^24
     * false candidates for a claim sent more than once, 60,000 at a million claims.
     */
    private static final int ID_HASH_BITS = 1 << 23;
    private static final int MAX_RESENT_CANDIDATES = 200_000;
    /** Claim ids per lookup query; shorter lists are padded, so the statement text is always the same. */
    static final int LOOKUP_IDS = 256;
    private static final String LOOKUP_SQL = "SELECT claim_id, sending, bht_stamp, first_line, ambiguous, lines_data "
            + "FROM recon_x12_claim_sending WHERE claim_id IN (" + String.join(", ", Collections.nCopies(LOOKUP_IDS, "?"))
            + ") AND job_instance_id = ?";
    /** By row value: H2 looks each pair up in the primary key (with "sending IN (...)" it scanned the run's rows). */
    private static final String IDS_SQL = "SELECT sending, claim_id FROM recon_x12_claim_sending WHERE (job_instance_id, "
            + "sending) IN (" + String.join(", ", Collections.nCopies(LOOKUP_IDS, "(?, ?)")) + ")";

    private final JdbcTemplate jdbc;

    public StagedClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What staging wrote: sendings, target lines of any version, and target-code lines of latest versions. */
    public record Staged(long sendings, long stagedLines, long claimLines) {
    }

    /**
     * One part of the run's claims (one claim file): reads its sendings, in order, into the sink it
     * is given and its unreadable rows into {@code rejected}. Called on a staging thread.
     */
    @FunctionalInterface
    public interface Part {
        void read(ClaimSink sink, Consumer<RowRejection> rejected);
    }

    /** Stages claims read in one part on this thread (tests and tools), like {@link #stage(long, List, Consumer, Set, int, TransactionOperations)}. */
    public Staged stage(long instanceId, Consumer<ClaimSink> claims, Set<String> targetCodes, TransactionOperations tx) {
        return stage(instanceId, List.of((sink, rejected) -> claims.accept(sink)), r -> { }, targetCodes, 1, tx);
    }

    /**
     * Stages the run's claims, replacing what it staged before. Each insert batch commits in its
     * own transaction ({@code tx}, a new one): the remittance check reads them from other threads,
     * and a run stopped while staging stages again ({@link #isStaged} is written last). When a part
     * fails, the parts not started are not read, the others are waited for (nothing is written after
     * this returns), and the failure of the first failing part in file order is thrown.
     *
     * @param parts    the claim files in the run's order (their position decides ties), e.g. {@link #files}
     * @param rejected receives the rows the parts reject, in file order, on the calling thread
     * @param threads  parts read at once (1 = all on the calling thread)
     */
    public Staged stage(long instanceId, List<Part> parts, Consumer<RowRejection> rejected, Set<String> targetCodes,
            int threads, TransactionOperations tx) {
        tx.executeWithoutResult(s -> delete(instanceId));
        Set<String> codes = ClaimJoin.upper(targetCodes);
        Merge merge = new Merge(instanceId, rejected);
        if (threads <= 1 || parts.size() < 2) {
            for (int p = 0; p < parts.size(); p++) {
                merge.add(stagePart(instanceId, p, parts.get(p), codes, tx));
            }
        } else {
            ExecutorService pool = SideThread.named("claim-staging", Math.min(threads, parts.size()));
            List<Future<PartStaged>> staging = new ArrayList<>(parts.size());
            try {
                for (int p = 0; p < parts.size(); p++) {
                    int part = p;
                    staging.add(pool.submit(() -> stagePart(instanceId, part, parts.get(part), codes, tx)));
                }
                for (Future<PartStaged> part : staging) {
                    merge.add(SideThread.resultOf(part, "staging the claims"));
                }
            } finally {
                staging.forEach(part -> part.cancel(false)); // after a failure, parts not started are not read
                SideThread.awaitEnd(pool);
            }
        }
        long claimLines = tx.execute(s -> {
            long lines = latestTargetLines(instanceId, merge);
            jdbc.batchUpdate("INSERT INTO recon_x12_claim_file (job_instance_id, file_order, first_line) VALUES (?, ?, ?)",
                    merge.firstLines);
            jdbc.update("INSERT INTO recon_x12_claim_stage (job_instance_id, staged_lines, claim_lines) VALUES (?, ?, ?)",
                    instanceId, merge.lines, lines);
            return lines;
        });
        return new Staged(merge.sendings, merge.lines, claimLines);
    }

    /** The claim files of a run ({@code recon.input.claims}, in the run's order) as {@link #stage} reads them, one part each. */
    public static List<Part> files(List<Path> files) {
        List<Part> parts = new ArrayList<>(files.size());
        for (int order = 0; order < files.size(); order++) {
            Path file = files.get(order);
            int fileOrder = order;
            parts.add((sink, rejected) -> ClaimFiles.read(file, fileOrder, sink, rejected));
        }
        return parts;
    }

    /** Reads and writes one part (on a staging thread); its rejected rows wait for the merge. */
    private PartStaged stagePart(long instanceId, int part, Part source, Set<String> targetCodes,
            TransactionOperations tx) {
        Writer writer = new Writer(instanceId, part, targetCodes, tx);
        List<RowRejection> rejected = new ArrayList<>();
        source.read(writer, rejected::add);
        writer.flush();
        return new PartStaged(writer.sending, writer.lines, Arrays.copyOf(writer.idHashes, (int) writer.sending),
                rejected);
    }

    /** What one part staged: its sendings, target lines, the claim-id hash of each sending in order, its rejected rows. */
    private record PartStaged(long sendings, long lines, int[] idHashes, List<RowRejection> rejected) {
    }

    /**
     * The parts' results taken in file order, as one thread reading every file would have seen
     * them: a claim id whose hash an earlier sending had may have been sent before.
     */
    private static final class Merge {
        private final long instanceId;
        private final Consumer<RowRejection> rejected;
        /** One bit per claim-id hash. */
        private final BitSet idHashes = new BitSet(ID_HASH_BITS);
        /** The {@code sending} of each candidate, in reading order. */
        private final List<Long> maybeResent = new ArrayList<>();
        /** Per part: where its target lines start in the run's numbering. */
        private final List<Object[]> firstLines = new ArrayList<>();
        private int part;
        private long sendings;
        private long lines;

        Merge(long instanceId, Consumer<RowRejection> rejected) {
            this.instanceId = instanceId;
            this.rejected = rejected;
        }

        void add(PartStaged staged) {
            staged.rejected().forEach(rejected);
            int[] hashes = staged.idHashes();
            for (int i = 0; i < hashes.length; i++) {
                if (!idHashes.get(hashes[i])) {
                    idHashes.set(hashes[i]);
                } else if (maybeResent.size() <= MAX_RESENT_CANDIDATES) {
                    maybeResent.add(sending(part, i));
                }
            }
            firstLines.add(new Object[] {instanceId, part, lines});
            sendings += staged.sendings();
            lines += staged.lines();
            part++;
        }
    }

    private static long sending(int part, long inPart) {
        return (long) part << PART_SHIFT | inPart;
    }

    /** Whether the run's claims are staged (claims were given and staging finished). */
    public boolean isStaged(long instanceId) {
        return !jdbc.queryForList("SELECT 1 FROM recon_x12_claim_stage WHERE job_instance_id = ?", Integer.class,
                instanceId).isEmpty();
    }

    /** Forgets what the run staged. */
    public void delete(long instanceId) {
        jdbc.update("DELETE FROM recon_x12_claim_stage WHERE job_instance_id = ?", instanceId);
        jdbc.update("DELETE FROM recon_x12_claim_file WHERE job_instance_id = ?", instanceId);
        jdbc.update("DELETE FROM recon_x12_claim_sending WHERE job_instance_id = ?", instanceId);
    }

    /**
     * A join over the run's staged claims with its own joined-line bookkeeping (each reading pass
     * takes a new one); null when the run has no staged claims (none were given).
     */
    public Lookup lookup(long instanceId) {
        List<long[]> stage = jdbc.query("SELECT staged_lines, claim_lines FROM recon_x12_claim_stage WHERE job_instance_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, instanceId);
        if (stage.isEmpty()) {
            return null;
        }
        // none for claims staged before files were staged at once: they were numbered as one part
        long[] firstLines = jdbc.queryForList("SELECT first_line FROM recon_x12_claim_file WHERE job_instance_id = ? "
                + "ORDER BY file_order", Long.class, instanceId).stream().mapToLong(Long::longValue).toArray();
        return new Lookup(instanceId, stage.get(0)[0], stage.get(0)[1], firstLines);
    }

    /**
     * Target-code lines of latest sendings: all staged target lines, less those of sendings a later
     * one replaced. Only claim ids that may have been sent more than once are resolved (by the
     * lookup's own rule): those whose hash the staging saw before, or, when there are too many of
     * them, every claim id the database holds more than one sending of.
     */
    private long latestTargetLines(long instanceId, Merge merge) {
        List<String> resent = merge.maybeResent.size() <= MAX_RESENT_CANDIDATES
                ? List.copyOf(new LinkedHashSet<>(claimIds(instanceId, merge.maybeResent)))
                : jdbc.queryForList("SELECT claim_id FROM recon_x12_claim_sending WHERE job_instance_id = ? "
                        + "GROUP BY claim_id HAVING COUNT(*) > 1", String.class, instanceId);
        long superseded = 0;
        for (int from = 0; from < resent.size(); from += LOOKUP_IDS) {
            List<String> ids = resent.subList(from, Math.min(resent.size(), from + LOOKUP_IDS));
            for (List<Sending> sendings : sendings(instanceId, ids).values()) {
                Sending latest = latest(sendings);
                superseded += sendings.stream().filter(s -> s != latest).mapToLong(s -> s.lines().size()).sum();
            }
        }
        return merge.lines - superseded;
    }

    /** The claim ids of these sendings, in their order. */
    private List<String> claimIds(long instanceId, List<Long> sendings) {
        List<String> ids = new ArrayList<>(sendings.size());
        Object[] args = new Object[2 * LOOKUP_IDS];
        for (int from = 0; from < sendings.size(); from += LOOKUP_IDS) {
            List<Long> batch = sendings.subList(from, Math.min(sendings.size(), from + LOOKUP_IDS));
            for (int i = 0; i < LOOKUP_IDS; i++) {
                args[2 * i] = instanceId;
                args[2 * i + 1] = batch.get(Math.min(i, batch.size() - 1));
            }
            Map<Long, String> byKey = new HashMap<>();
            jdbc.query(IDS_SQL, (ResultSet rs) -> {
                byKey.put(rs.getLong(1), rs.getString(2));
            }, args);
            batch.forEach(key -> ids.add(byKey.get(key)));
        }
        return ids;
    }

    /** Every staged sending of these claim ids (at most {@link #LOOKUP_IDS}), by claim id. */
    private Map<String, List<Sending>> sendings(long instanceId, List<String> ids) {
        Object[] args = new Object[LOOKUP_IDS + 1];
        for (int i = 0; i < LOOKUP_IDS; i++) {
            args[i] = ids.get(Math.min(i, ids.size() - 1));
        }
        args[LOOKUP_IDS] = instanceId;
        Map<String, List<Sending>> byClaim = new HashMap<>();
        jdbc.query(LOOKUP_SQL, (ResultSet rs) -> {
            String claimId = rs.getString(1);
            byte[] data = rs.getBytes(6);
            byClaim.computeIfAbsent(claimId, k -> new ArrayList<>()).add(new Sending(rs.getLong(2), rs.getString(3),
                    rs.getLong(4), rs.getBoolean(5), data == null ? List.of() : decode(claimId, data)));
        }, args);
        return byClaim;
    }

    private static Sending latest(List<Sending> sendings) {
        Sending latest = null;
        for (Sending s : sendings) {
            if (latest == null || s.isLaterThan(latest)) {
                latest = s;
            }
        }
        return latest;
    }

    /** One staged sending of a claim: its target-code lines (numbered from {@code firstLine} in its part), possibly none. */
    private record Sending(long order, String stamp, long firstLine, boolean ambiguous, List<ClaimLine> lines) {
        /** The later BHT stamp, then the later one read (contract 5.3: ties go to the later file). */
        boolean isLaterThan(Sending other) {
            int byStamp = stamp.compareTo(other.stamp);
            return byStamp != 0 ? byStamp > 0 : order > other.order;
        }

        int part() {
            return (int) (order >>> PART_SHIFT);
        }
    }

    /** Stages each sending of one part as the claim reader offers it, in batches. */
    private final class Writer implements ClaimSink {
        private final long instanceId;
        private final int part;
        private final Set<String> targetCodes;
        private final TransactionOperations tx;
        private final List<Object[]> batch = new ArrayList<>(INSERT_BATCH);
        /** The claim-id hash of each sending, for the merge (4 bytes a sending, not the ids). */
        private int[] idHashes = new int[1024];
        private long sending;
        private long lines;

        Writer(long instanceId, int part, Set<String> targetCodes, TransactionOperations tx) {
            this.instanceId = instanceId;
            this.part = part;
            this.targetCodes = targetCodes;
            this.tx = tx;
        }

        @Override
        public void offer(String claimId, ClaimVersion version, List<ClaimLine> claimLines) {
            if (claimId.length() > MAX_ID) {
                return; // no remittance row with such a claim id is valid (input limits), so none could join
            }
            if (sending == idHashes.length) {
                idHashes = Arrays.copyOf(idHashes, idHashes.length * 2);
            }
            idHashes[(int) sending] = claimId.hashCode() & (ID_HASH_BITS - 1);
            String stamp = version.bhtStamp().length() > MAX_STAMP ? version.bhtStamp().substring(0, MAX_STAMP)
                    : version.bhtStamp();
            List<ClaimLine> target = ClaimJoin.targetLines(targetCodes, claimLines);
            batch.add(new Object[] {instanceId, sending(part, sending++), claimId, stamp, lines, ClaimJoin.ambiguous(claimLines),
                target.isEmpty() ? null : encode(target)});
            lines += target.size();
            if (batch.size() >= INSERT_BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            tx.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO recon_x12_claim_sending (job_instance_id, sending, "
                    + "claim_id, bht_stamp, first_line, ambiguous, lines_data) VALUES (?, ?, ?, ?, ?, ?, ?)", batch));
            batch.clear();
        }
    }

    /**
     * The join over the staged claims for one reading pass of the 835s: claims are fetched per
     * batch ({@link #prepare}), the rule is {@link ClaimJoin}'s, and each line joined is one bit
     * (by its staging number). Not thread-safe: one reader uses it.
     */
    public final class Lookup implements ClaimLineLookup {
        private final long instanceId;
        private final long claimLines;
        /** Per part (claim file), its first line's number. */
        private final long[] firstLines;
        private final BitSet joined;
        /** The claims of the current batch by id; null = no joinable claim (never sent, or no target lines). */
        private final Map<String, Sending> batch = new HashMap<>();

        private Lookup(long instanceId, long stagedLines, long claimLines, long[] firstLines) {
            this.instanceId = instanceId;
            this.claimLines = claimLines;
            this.firstLines = firstLines;
            this.joined = new BitSet((int) Math.min(Integer.MAX_VALUE, stagedLines));
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
            Sending claim = batch.get(claimId);
            if (claim == null || claim.ambiguous()) {
                return Optional.empty();
            }
            int match = ClaimJoin.match(claim.lines(), lineRef, procedureCode, serviceDate, charge);
            if (match < 0) {
                return Optional.empty();
            }
            long partStart = claim.part() < firstLines.length ? firstLines[claim.part()] : 0;
            joined.set((int) (partStart + claim.firstLine() + match));
            return Optional.of(claim.lines().get(match));
        }

        @Override
        public long lineCount() {
            return claimLines;
        }

        @Override
        public long unjoinedLineCount() {
            return claimLines - joined.cardinality();
        }

        /** The staged lines this lookup joined, by staging number (to count a night read by several lookups). */
        public BitSet joinedLines() {
            return (BitSet) joined.clone();
        }

        private void load(List<String> ids) {
            for (String id : ids) {
                batch.put(id, null);
            }
            sendings(instanceId, ids).forEach((claimId, sendings) -> {
                Sending latest = latest(sendings);
                batch.put(claimId, latest.lines().isEmpty() ? null : latest);
            });
        }
    }

    /** The target-code lines of one sending in a compact binary form (the claim id is a column of its own). */
    static byte[] encode(List<ClaimLine> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96 * lines.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(lines.size());
            for (ClaimLine line : lines) {
                for (String value : new String[] {line.lineRef(), line.procedureCode(), line.modifiers(),
                    line.description(), line.charge() == null ? null : line.charge().toPlainString(), line.units(),
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
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<ClaimLine> decode(String claimId, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int count = in.readInt();
            List<ClaimLine> lines = new ArrayList<>(count);
            String[] v = new String[11];
            for (int l = 0; l < count; l++) {
                for (int i = 0; i < v.length; i++) {
                    int length = in.readInt();
                    v[i] = length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
                }
                lines.add(new ClaimLine(claimId, v[0], v[1], v[2], v[3], v[4] == null ? null : new BigDecimal(v[4]), v[5],
                        v[6] == null ? null : LocalDate.parse(v[6]), v[7], v[8], v[9], v[10]));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
