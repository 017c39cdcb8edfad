package com.rcm.j3490.job;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.input.x12.ClaimLineLookup;
import com.rcm.j3490.reconcile.RemittanceFile;
import com.rcm.j3490.reconcile.RemittanceItem;
import com.rcm.j3490.reconcile.RemittanceItemReader;
import com.rcm.j3490.reconcile.X12Remittances;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads the run's remittance files once before anything is reconciled, with the reconcile step's
 * own reader (same parsing, same rejections, 835 lines joined to the staged claims as the step joins
 * them), to count records and malformed rows.
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

    /** Records and malformed rows of the files the run reads. */
    public record Result(long records, long malformed) {
    }

    /** One file's count, and its first malformed row. */
    private record FileCount(String file, long records, long malformed, RowRejection first) {
    }

    /**
     * Counts; throws {@link TooManyMalformedRowsException} when the run is over the limit.
     *
     * @param claims the run's claims as the reconcile step joins them (a joined claim line fills
     *               columns that can reject a row), a new lookup per file; null when none were given
     */
    public Result check(List<RemittanceFile> files, Supplier<ClaimLineLookup> claims) {
        int limit = skipLimit.getAsInt();
        List<FileCount> counts = countAll(files, claims);
        long records = 0;
        long malformed = 0;
        for (FileCount c : counts) {
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
        return new Result(records, malformed);
    }

    /** The files' counts in file order; files are independent (claim ordinals restart per file), so they are read at once. */
    private List<FileCount> countAll(List<RemittanceFile> files, Supplier<ClaimLineLookup> claims) {
        if (threads == 1 || files.size() < 2) {
            return files.stream().map(f -> count(f, claims)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
            Thread t = new Thread(r, "remittance-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileCount>> futures = files.stream().map(f -> pool.submit(() -> count(f, claims))).toList();
            List<FileCount> counts = new ArrayList<>(futures.size());
            for (Future<FileCount> f : futures) {
                counts.add(f.get());
            }
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the remittance files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot read the remittance files: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Parses every record of one file with the reconcile step's own reader and parser. */
    private static FileCount count(RemittanceFile file, Supplier<ClaimLineLookup> claims) {
        long records = 0;
        long malformed = 0;
        RowRejection first = null;
        RemittanceItemReader reader = new RemittanceItemReader(() -> List.of(file),
                () -> X12Remittances.claimsOnly(claims.get()));
        reader.open(new ExecutionContext());
        try {
            RemittanceItem item;
            while ((item = reader.read()) != null) {
                CsvRecord record = item.record();
                records++;
                try {
                    item.parse();
                } catch (RowRejectedException e) {
                    malformed++;
                    if (first == null) {
                        first = new RowRejection(record.file(), record.line(), e.getMessage(), record.raw());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the remittance files: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        return new FileCount(file.name(), records, malformed, first);
    }
}
