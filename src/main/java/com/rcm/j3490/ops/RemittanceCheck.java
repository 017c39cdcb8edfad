package com.rcm.j3490.ops;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.RemittanceRowParser;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.reconcile.RemittanceFile;
import com.rcm.j3490.reconcile.RemittanceItem;
import com.rcm.j3490.reconcile.RemittanceItemReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads the run's remittance files once before anything is reconciled, with the reconcile step's
 * own reader (same parsing, same rejections), to count records and malformed rows.
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

    /** @param skipLimit malformed rows a run may reject ({@code recon.skip-limit}); negative = no limit */
    public RemittanceCheck(IntSupplier skipLimit) {
        this.skipLimit = skipLimit;
    }

    /** Records and malformed rows of the files the run reads. */
    public record Result(long records, long malformed) {
    }

    /** Counts; throws {@link TooManyMalformedRowsException} when the run is over the limit. */
    public Result check(List<RemittanceFile> files) {
        int limit = skipLimit.getAsInt();
        long records = 0;
        long malformed = 0;
        Map<String, Long> perFile = new LinkedHashMap<>();
        Map<String, RowRejection> first = new LinkedHashMap<>();
        String overIn = null;
        RemittanceItemReader reader = new RemittanceItemReader(() -> files);
        reader.open(new ExecutionContext());
        try {
            RemittanceItem item;
            while ((item = reader.read()) != null) {
                CsvRecord record = item.record();
                if (overIn != null && !overIn.equals(record.file())) {
                    break; // the file that crossed the limit is counted to its end; that is enough
                }
                records++;
                try {
                    RemittanceRowParser.parse(record, item.ordinal());
                } catch (RowRejectedException e) {
                    malformed++;
                    perFile.merge(record.file(), 1L, Long::sum);
                    first.putIfAbsent(record.file(), new RowRejection(record.file(), record.line(), e.getMessage(), record.raw()));
                    if (overIn == null && limit >= 0 && malformed > limit) {
                        overIn = record.file();
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
        if (overIn != null) {
            RowRejection example = first.get(overIn);
            throw new TooManyMalformedRowsException("remittance file " + overIn + " has "
                    + RunReport.n(perFile.get(overIn)) + " malformed rows, over recon.skip-limit=" + limit
                    + " for the run (run total " + RunReport.n(malformed) + "); first: line " + example.line() + ": "
                    + example.reason() + "; nothing was reconciled");
        }
        log.info("Remittance check: {} record(s) to reconcile in {} file(s), {} malformed (recon.skip-limit={})",
                RunReport.n(records), files.size(), RunReport.n(malformed), limit < 0 ? "none" : limit);
        return new Result(records, malformed);
    }
}
