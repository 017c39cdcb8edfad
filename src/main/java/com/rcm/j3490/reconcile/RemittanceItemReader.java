package com.rcm.j3490.reconcile;

import com.rcm.j3490.input.Columns;
import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputKind;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the run's remittance files one record at a time. Restartable: the item count is
 * saved at every commit, and on restart the records already committed are skipped without
 * being parsed.
 */
public class RemittanceItemReader extends AbstractItemCountingItemStreamItemReader<RemittanceItem> {
    private final Supplier<List<RemittanceFile>> files;
    private List<RemittanceFile> runFiles;
    private int fileIndex;
    private CsvRecordReader current;
    /** Position of each claim's rows in the current file, for files without line_number. */
    private final ClaimRowCounter claimOrdinals = new ClaimRowCounter();

    public RemittanceItemReader(Supplier<List<RemittanceFile>> files) {
        this.files = files;
        setName("remittance");
    }

    @Override
    protected void doOpen() {
        runFiles = files.get();
        fileIndex = -1;
        nextFile();
    }

    @Override
    protected RemittanceItem doRead() {
        CsvRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        RemittanceFile file = runFiles.get(fileIndex);
        return new RemittanceItem(getCurrentItemCount(), file.order(), record, claimOrdinal(record));
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        for (int i = 0; i < itemIndex; i++) {
            CsvRecord record = nextRecord();
            if (record == null) {
                return;
            }
            claimOrdinal(record);
        }
    }

    private CsvRecord nextRecord() {
        while (current != null) {
            CsvRecord record = current.next();
            if (record != null) {
                return record;
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
        current = fileIndex < runFiles.size() ? CsvRecordReader.open(runFiles.get(fileIndex).path(), InputKind.REMITTANCE) : null;
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // read-only file; nothing to recover
            }
            current = null;
        }
    }

    @Override
    protected void doClose() {
        closeCurrent();
    }
}
