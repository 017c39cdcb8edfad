package com.rcm.j3490.job;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.input.x12.Remittance835Reader;
import com.rcm.j3490.input.x12.X12Files;
import com.rcm.j3490.input.x12.X12ServiceLine;
import com.rcm.j3490.input.x12.X12Spill;
import com.rcm.j3490.reconcile.RemittanceFile;
import com.rcm.j3490.reconcile.RemittanceItem;
import com.rcm.j3490.reconcile.RemittanceItemReader;
import com.rcm.j3490.reconcile.StagedClaims;
import com.rcm.j3490.reconcile.X12SpillFolder;
import com.rcm.j3490.threads.SideThread;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads the run's remittance files once before anything is reconciled, to count records and
 * malformed rows with the reconcile step's own parsing: CSV files with its reader, 835 files with
 * the X12 reader, their lines joined to the staged claims. Each 835 is read here only: its mapped
 * and joined lines, and what it says outside them, go to the run's spill of the file
 * ({@link X12Spill}), which the reconcile step reads instead of the X12 (parsing and joining an 835
 * costs many times reading its spill). The claim lines no 835 line joined are counted here too.
 *
 * <p>Why before, not while reconciling: a run that stops at the skip limit half-way would have
 * committed the chunks before it, with their rows rejected; once the file is fixed, its restart
 * resumes after those chunks and the fixed rows would never be reconciled. Checked first, a run
 * over the limit writes nothing, and the restart (which redoes this first step, checksums
 * included) gives the same lines as a clean run on the fixed file. The count it yields also
 * gives the progress lines their exact total.
 */
public class RemittanceCheck {
    private static final Logger log = LoggerFactory.getLogger(RemittanceCheck.class);

    private final IntSupplier skipLimit;
    private final int threads;

    /**
     * @param skipLimit malformed rows a run may reject ({@code recon.skip-limit}); negative = no limit
     * @param threads   files read at once ({@code recon.reconcile-threads}): each file is parsed on its own
     */
    public RemittanceCheck(IntSupplier skipLimit, int threads) {
        this.skipLimit = skipLimit;
        this.threads = Math.max(1, threads);
    }

    /**
     * Records and malformed rows of the files the run reads; with claims, the target-code claim
     * lines kept for joining and those no 835 line joined (both null when no claims were given).
     */
    public record Result(long records, long malformed, Long claimLines, Long unjoinedClaimLines) {
    }

    /** One file's count, its first malformed row, and for an 835 with claims the claim lines it joined. */
    private record FileCount(String file, long records, long malformed, RowRejection first, BitSet joined) {
    }

    /**
     * Counts, and writes each 835's spill into {@code spills}; throws
     * {@link TooManyMalformedRowsException} when the run is over the limit.
     *
     * @param claims the run's staged claims (a joined claim line fills columns that can reject a
     *               row), a new lookup per file (files are read at once); gives null when no claims were given
     */
    public Result check(List<RemittanceFile> files, Supplier<StagedClaims.Lookup> claims, X12SpillFolder spills) {
        int limit = skipLimit.getAsInt();
        List<FileCount> counts = countAll(files, claims, spills);
        long records = 0;
        long malformed = 0;
        BitSet joined = new BitSet();
        for (FileCount c : counts) {
            if (c.joined() != null) {
                joined.or(c.joined());
            }
            records += c.records();
            malformed += c.malformed();
            if (limit >= 0 && malformed > limit) {
                long runTotal = counts.stream().mapToLong(FileCount::malformed).sum();
                throw new TooManyMalformedRowsException("remittance file " + c.file() + " has "
                        + RunFormat.n(c.malformed()) + " malformed rows, over recon.skip-limit=" + limit
                        + " for the run (run total " + RunFormat.n(runTotal) + "); first: line " + c.first().line()
                        + ": " + c.first().reason() + "; nothing was reconciled");
            }
        }
        log.info("Remittance check: {} record(s) to reconcile in {} file(s), {} malformed (recon.skip-limit={})",
                RunFormat.n(records), files.size(), RunFormat.n(malformed), limit < 0 ? "none" : limit);
        StagedClaims.Lookup lookup = claims.get();
        if (lookup == null) {
            return new Result(records, malformed, null, null);
        }
        return new Result(records, malformed, lookup.lineCount(), lookup.lineCount() - joined.cardinality());
    }

    /** The files' counts in file order; files are independent (claim ordinals restart per file), so they are read at once. */
    private List<FileCount> countAll(List<RemittanceFile> files, Supplier<StagedClaims.Lookup> claims,
            X12SpillFolder spills) {
        if (threads == 1 || files.size() < 2) {
            return files.stream().map(f -> count(f, claims, spills)).toList();
        }
        ExecutorService pool = SideThread.named("remittance-check", Math.min(threads, files.size()));
        try {
            List<Future<FileCount>> futures = files.stream().map(f -> pool.submit(() -> count(f, claims, spills))).toList();
            List<FileCount> counts = new ArrayList<>(futures.size());
            for (Future<FileCount> f : futures) {
                counts.add(SideThread.resultOf(f, "checking the remittance files"));
            }
            return counts;
        } finally {
            // after a failure, no thread still writes a spill when the step ends
            pool.shutdownNow();
            SideThread.awaitEnd(pool);
        }
    }

    private static FileCount count(RemittanceFile file, Supplier<StagedClaims.Lookup> claims, X12SpillFolder spills) {
        return X12Files.isX12(file.path()) ? countX12(file, claims.get(), spills) : countCsv(file);
    }

    /** Parses every record of one CSV file with the reconcile step's own reader and parser. */
    private static FileCount countCsv(RemittanceFile file) {
        Tally tally = new Tally();
        RemittanceItemReader reader = new RemittanceItemReader(() -> List.of(file));
        reader.open(new ExecutionContext());
        try {
            RemittanceItem item;
            while ((item = reader.read()) != null) {
                RemittanceItem read = item;
                tally.add(read::parse, read.record());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the remittance files: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        return new FileCount(file.name(), tally.records, tally.malformed, tally.first, null);
    }

    /**
     * Parses every service line of one 835, joined to the claims, and writes them with what the file
     * says outside them to the file's spill (whole, or none), which the reconcile step reads.
     */
    private static FileCount countX12(RemittanceFile file, StagedClaims.Lookup claims, X12SpillFolder spills) {
        Tally tally = new Tally();
        try (X12Spill.Writer spill = X12Spill.writer(spills.of(file));
                Remittance835Reader reader = Remittance835Reader.open(file.path(), claims, spill)) {
            X12ServiceLine line;
            while ((line = reader.next()) != null) {
                spill.line(line);
                tally.add(line::parse, line.record());
            }
            spill.complete();
        }
        return new FileCount(file.name(), tally.records, tally.malformed, tally.first,
                claims == null ? null : claims.joinedLines());
    }

    /** Records and malformed rows of one file, and its first malformed row. */
    private static final class Tally {
        private long records;
        private long malformed;
        private RowRejection first;

        void add(Runnable parse, CsvRecord record) {
            records++;
            try {
                parse.run();
            } catch (RowRejectedException e) {
                malformed++;
                if (first == null) {
                    first = new RowRejection(record.file(), record.line(), e.getMessage(), record.raw());
                }
            }
        }
    }
}
