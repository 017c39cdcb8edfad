package com.rcm.j3490.input.x12;

import com.rcm.j3490.input.RowRejection;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the provider's claims ({@code recon.input.claims}: 837 files and claim-lines CSV, in the
 * run's name order) into a {@link ClaimSink}. Each file is recognised by content, as remittances
 * are: X12 (an ISA or a bare {@code ST*837}) is read as 837, anything else as a claim-lines CSV
 * (contract 5.4). A file that is neither refuses the run with its name.
 */
public final class ClaimFiles {
    private ClaimFiles() {
    }

    /**
     * @param files    the claim files in the run's order (their position decides BHT ties)
     * @param rejected receives the claim-lines CSV rows that cannot be read (bad date or amount)
     */
    public static void read(List<Path> files, ClaimSink sink, Consumer<RowRejection> rejected) {
        for (int order = 0; order < files.size(); order++) {
            read(files.get(order), order, sink, rejected);
        }
    }

    /** One claim file, {@code order} its position in the run's order (files may be read at once, each to its own sink). */
    public static void read(Path file, int order, ClaimSink sink, Consumer<RowRejection> rejected) {
        if (X12Files.isX12(file)) {
            Claim837Reader.read(file, order, sink);
        } else {
            ClaimLinesCsvReader.read(file, order, sink, rejected);
        }
    }

    /** The claims in memory, in one {@link ClaimLineIndex} (tests and tools; the job stages them in its database). */
    public static ClaimLineIndex load(List<Path> files, Set<String> targetCodes, Consumer<RowRejection> rejected) {
        ClaimLineIndex index = new ClaimLineIndex(targetCodes);
        read(files, index, rejected);
        return index;
    }
}
