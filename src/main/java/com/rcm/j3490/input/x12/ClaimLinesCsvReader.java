package com.rcm.j3490.input.x12;

import static com.rcm.j3490.input.Columns.*;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.FieldParser;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a claim-lines CSV (contract 5.4) through the project's one CSV path into a
 * {@link ClaimSink}: {@code line_number} plays REF*6R. Rows of one file are grouped by
 * claim before they are offered, so this holds one file's claim lines at a time; a later file
 * replaces a claim of an earlier one. Rows with a bad date or amount are rejected.
 */
public final class ClaimLinesCsvReader {
    private ClaimLinesCsvReader() {
    }

    public static void read(Path file, int fileOrder, ClaimSink index, Consumer<RowRejection> rejected) {
        try (CsvRecordReader reader = CsvRecordReader.open(file, InputKind.CLAIM_LINES)) {
            read(reader, fileOrder, index, rejected);
        } catch (IOException e) {
            // closing a read-only file
        }
    }

    public static void read(CsvRecordReader reader, int fileOrder, ClaimSink index, Consumer<RowRejection> rejected) {
        Map<String, List<ClaimLine>> claims = new LinkedHashMap<>();
        CsvRecord r;
        while ((r = reader.next()) != null) {
            try {
                CsvRecordReader.checkWidth(r);
                String claimId = r.require(CLAIM_ID);
                ClaimLine line = new ClaimLine(claimId, r.get(LINE_NUMBER), r.get(PROCEDURE_CODE), r.get(MODIFIERS),
                        r.get(DRUG_NAME), FieldParser.amount(BILLED_AMOUNT, r.get(BILLED_AMOUNT)), r.get(UNITS_BILLED),
                        FieldParser.date(SERVICE_DATE, r.get(SERVICE_DATE)), r.get(NDC), r.get(NDC_QUANTITY),
                        r.get(NDC_UNIT), r.get(PATIENT_NAME));
                claims.computeIfAbsent(claimId, k -> new ArrayList<>()).add(line);
            } catch (RowRejectedException e) {
                rejected.accept(new RowRejection(r.file(), r.line(), e.getMessage(), r.raw()));
            }
        }
        ClaimVersion version = new ClaimVersion("", fileOrder);
        claims.forEach((claimId, lines) -> index.offer(claimId, version, lines));
    }
}
