package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.Columns;
import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.x12.X12Files;
import com.rcm.j3490.input.x12.X12ServiceLine;
import com.rcm.j3490.input.x12.X12Spill;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the run's remittance files one record at a time: CSV rows, and the service lines of
 * X12 835 files (recognised by content, contract 5.1) as the remittance check of the first step
 * read them: mapped to the same records (5.2), joined to the provider's claims (5.3), and written
 * to the run's spill of the file ({@link X12Spill}), so they are parsed and joined once a run.
 * Restartable: the item count is saved at every commit, and on restart the records already
 * committed are read again without being parsed and skipped, so an 835 resumes exactly where a
 * CSV does (its balancing is replayed on the way).
 */
public class RemittanceItemReader extends AbstractItemCountingItemStreamItemReader<RemittanceItem> {
    private final Supplier<List<RemittanceFile>> files;
    private final Supplier<X12Remittances> x12Source;
    private final X12SpillFolder spills;
    private X12Remittances x12;
    private List<RemittanceFile> runFiles;
    private int fileIndex;
    private CsvRecordReader currentCsv;
    private X12Spill.Reader currentSpill;
    /** Position of each claim's rows in the current CSV file, for files without line_number. */
    private final ClaimRowCounter claimOrdinals = new ClaimRowCounter();

    /** A reader of CSV files only (the remittance check's count of a CSV file). */
    public RemittanceItemReader(Supplier<List<RemittanceFile>> files) {
        this(files, X12Remittances::none, null);
    }

    /**
     * @param x12    called when the reader opens (also on restart): where the 835s' balancing,
     *               claim CAS and PLB go
     * @param spills where the remittance check left its reading of each 835 file
     */
    public RemittanceItemReader(Supplier<List<RemittanceFile>> files, Supplier<X12Remittances> x12,
            X12SpillFolder spills) {
        this.files = files;
        this.x12Source = x12;
        this.spills = spills;
        setName("remittance");
    }

    @Override
    protected void doOpen() {
        runFiles = files.get();
        x12 = x12Source.get();
        fileIndex = -1;
        nextFile();
    }

    @Override
    protected RemittanceItem doRead() {
        return next(getCurrentItemCount());
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        for (int i = 0; i < itemIndex; i++) {
            if (next(i + 1) == null) {
                return;
            }
        }
    }

    private RemittanceItem next(long seq) {
        while (currentCsv != null || currentSpill != null) {
            int order = runFiles.get(fileIndex).order();
            if (currentSpill != null) {
                X12ServiceLine line = currentSpill.next();
                if (line != null) {
                    return RemittanceItem.of(seq, order, line);
                }
            } else {
                CsvRecord record = currentCsv.next();
                if (record != null) {
                    return new RemittanceItem(seq, order, record, claimOrdinal(record));
                }
            }
            nextFile();
        }
        return null;
    }

    /** Counts every row that names a claim, rejected ones included (a short or long row still has its claim_id). */
    private long claimOrdinal(CsvRecord record) {
        String claimId = record.peek(Columns.CLAIM_ID);
        return claimId == null ? 0 : claimOrdinals.increment(claimId);
    }

    private void nextFile() {
        closeCurrent();
        claimOrdinals.reset();
        fileIndex++;
        if (fileIndex >= runFiles.size()) {
            return;
        }
        RemittanceFile file = runFiles.get(fileIndex);
        if (X12Files.isX12(file.path())) {
            if (spills == null) {
                throw new IllegalStateException("X12 file " + file.name() + " is read by the remittance check, not here");
            }
            currentSpill = X12Spill.reader(spills.of(file), x12.listener(file));
        } else {
            currentCsv = CsvRecordReader.open(file.path(), InputKind.REMITTANCE);
        }
    }

    private void closeCurrent() {
        if (currentCsv != null) {
            try {
                currentCsv.close();
            } catch (IOException ignored) {
                // read-only file; nothing to recover
            }
            currentCsv = null;
        }
        if (currentSpill != null) {
            currentSpill.close();
            currentSpill = null;
        }
    }

    /** Also removes the run's spills: a restart runs the first step again, which writes them anew. */
    @Override
    protected void doClose() {
        closeCurrent();
        if (spills != null && runFiles != null) {
            runFiles.forEach(spills::delete);
        }
    }
}
