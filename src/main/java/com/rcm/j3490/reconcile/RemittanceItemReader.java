package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.Columns;
import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.x12.Remittance835Reader;
import com.rcm.j3490.input.x12.X12Files;
import com.rcm.j3490.input.x12.X12ServiceLine;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the run's remittance files one record at a time: CSV rows, and the service lines of
 * X12 835 files (recognised by content, contract 5.1) mapped to the same records (5.2) and joined
 * to the provider's claims (5.3). Restartable: the item count is saved at every commit, and on
 * restart the records already committed are read again without being parsed and skipped, so an
 * 835 resumes exactly where a CSV does (its claim joins and balancing are replayed on the way).
 */
public class RemittanceItemReader extends AbstractItemCountingItemStreamItemReader<RemittanceItem> {
    private final Supplier<List<RemittanceFile>> files;
    private final Supplier<X12Remittances> x12Source;
    private X12Remittances x12;
    private List<RemittanceFile> runFiles;
    private int fileIndex;
    private CsvRecordReader currentCsv;
    private Remittance835Reader current835;
    /** Position of each claim's rows in the current CSV file, for files without line_number. */
    private final ClaimRowCounter claimOrdinals = new ClaimRowCounter();

    /** A reader without claims and without a place for X12 balancing (the remittance check's count). */
    public RemittanceItemReader(Supplier<List<RemittanceFile>> files) {
        this(files, X12Remittances::none);
    }

    /**
     * @param x12 called when the reader opens (also on restart): the claims to join and where the
     *            835s' balancing, claim CAS and PLB go
     */
    public RemittanceItemReader(Supplier<List<RemittanceFile>> files, Supplier<X12Remittances> x12) {
        this.files = files;
        this.x12Source = x12;
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
        RemittanceItem item = next(getCurrentItemCount());
        if (item == null) {
            x12.finished();
        }
        return item;
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
        while (currentCsv != null || current835 != null) {
            int order = runFiles.get(fileIndex).order();
            if (current835 != null) {
                X12ServiceLine line = current835.next();
                if (line != null) {
                    return new RemittanceItem(seq, order, line.record(), line.ordinal(), line.flags(), line.structure());
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
            current835 = Remittance835Reader.open(file.path(), x12.claims(), x12.listener(file));
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
        if (current835 != null) {
            current835.close();
            current835 = null;
        }
    }

    @Override
    protected void doClose() {
        closeCurrent();
    }
}
