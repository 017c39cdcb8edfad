package com.rcm.j3490.reference;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.ContractBook;
import com.rcm.j3490.rules.InvoiceLine;
import com.rcm.j3490.rules.InvoiceMatcher;
import com.rcm.j3490.rules.PayerContract;
import com.rcm.j3490.rules.PricingIndex;
import com.rcm.j3490.rules.PricingRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Loads contracts, pricing and invoices into immutable indexes, collecting rejected rows. */
public final class ReferenceDataLoader {
    private ReferenceDataLoader() {
    }

    public static ReferenceData load(Path contractsPath, Path pricingPath, Path invoicesPath, int lookbackDays) {
        List<ReferenceData.InputFileCount> counts = new ArrayList<>();
        List<PayerContract> contracts = new ArrayList<>();
        Set<String> payersWithRejectedRows = new HashSet<>();
        List<PricingRow> pricing = new ArrayList<>();
        List<InvoiceLine> invoices = new ArrayList<>();
        for (Path file : InputFiles.list(contractsPath, InputKind.CONTRACTS)) {
            read(file, InputKind.CONTRACTS, ReferenceRowParsers::contract, contracts, counts, rejected -> {
                String payer = ReferenceRowParsers.payerOfRejectedContract(rejected);
                if (payer != null) {
                    payersWithRejectedRows.add(payer);
                }
            });
        }
        for (Path file : InputFiles.list(pricingPath, InputKind.PRICING)) {
            read(file, InputKind.PRICING, ReferenceRowParsers::pricing, pricing, counts, rejected -> { });
        }
        for (Path file : InputFiles.list(invoicesPath, InputKind.INVOICES)) {
            read(file, InputKind.INVOICES, ReferenceRowParsers::invoice, invoices, counts, rejected -> { });
        }
        return new ReferenceData(new ContractBook(contracts, payersWithRejectedRows), new InvoiceMatcher(invoices, lookbackDays),
                new PricingIndex(pricing), List.copyOf(counts));
    }

    private static <T> void read(Path file, InputKind kind, Function<CsvRecord, T> parser, List<T> into,
            List<ReferenceData.InputFileCount> counts, Consumer<CsvRecord> onRejected) {
        long rows = 0;
        List<RowRejection> rejections = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(file, kind)) {
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                rows++;
                try {
                    into.add(parser.apply(record));
                } catch (RowRejectedException e) {
                    rejections.add(new RowRejection(record.file(), record.line(), e.getMessage(), record.raw()));
                    onRejected.accept(record);
                }
            }
        } catch (IOException e) {
            throw new InputFileException("cannot close " + file + ": " + e.getMessage(), e);
        }
        counts.add(new ReferenceData.InputFileCount(kind, file.getFileName().toString(), file, rows,
                List.copyOf(rejections)));
    }
}
