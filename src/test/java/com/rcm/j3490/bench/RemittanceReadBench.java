package com.rcm.j3490.bench;

import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.x12.ClaimFiles;
import com.rcm.j3490.input.x12.ClaimLineIndex;
import com.rcm.j3490.input.x12.Remittance835Reader;
import com.rcm.j3490.input.x12.X12Files;
import com.rcm.j3490.input.x12.X12ServiceLine;
import com.rcm.j3490.input.x12.RemittanceListener;
import com.rcm.j3490.reconcile.RemittanceFile;
import com.rcm.j3490.reconcile.RemittanceItem;
import com.rcm.j3490.reconcile.RemittanceItemReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads one night's remittances as the reconcile step does (its reader, every record parsed into a
 * remittance row), without pricing or storing: the part of the job the input format changes. For
 * X12, the 837 claims are loaded into the join index first and counted in the time.
 *
 * <pre>
 * java -Xmx512m -cp "$CP" com.rcm.j3490.bench.RemittanceReadBench &lt;remittance dir&gt; [claims dir]
 * </pre>
 * Prints {@code rows=... rejected=... claimLines=... ms=... heapMb=...} (heap used after a GC at the end, with the index alive).
 */
public final class RemittanceReadBench {
    private RemittanceReadBench() {
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RowRejectedException e) {
            return false;
        }
    }

    public static void main(String[] args) throws Exception {
        Path remittance = Path.of(args[0]);
        Path claimsDir = args.length > 1 ? Path.of(args[1]) : null;
        long t0 = System.nanoTime();
        ClaimLineIndex claims = claimsDir == null ? null
                : ClaimFiles.load(InputFiles.list(claimsDir, InputKind.CLAIM_LINES), Set.of("J3490"), r -> { });
        long tClaims = System.nanoTime();
        List<RemittanceFile> files = new ArrayList<>();
        for (Path p : InputFiles.list(remittance, InputKind.REMITTANCE)) {
            files.add(new RemittanceFile(files.size(), p.getFileName().toString(), p));
        }
        // the job reads an 835 once, in its remittance check (parsed, joined, spilled); CSV with the step's reader
        long rows = 0;
        long rejected = 0;
        for (RemittanceFile file : files) {
            if (X12Files.isX12(file.path())) {
                try (Remittance835Reader reader = Remittance835Reader.open(file.path(), claims, RemittanceListener.NONE)) {
                    X12ServiceLine line;
                    while ((line = reader.next()) != null) {
                        rows++;
                        rejected += parses(line::parse) ? 0 : 1;
                    }
                }
            } else {
                RemittanceItemReader reader = new RemittanceItemReader(() -> List.of(file));
                reader.open(new ExecutionContext());
                RemittanceItem item;
                while ((item = reader.read()) != null) {
                    rows++;
                    rejected += parses(item::parse) ? 0 : 1;
                }
                reader.close();
            }
        }
        long t1 = System.nanoTime();
        System.gc();
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf(Locale.ROOT, "rows=%d rejected=%d claimLines=%d claimsMs=%d ms=%d heapMb=%d%n", rows, rejected,
                claims == null ? 0 : claims.lineCount(), (tClaims - t0) / 1_000_000, (t1 - t0) / 1_000_000,
                heap);
        if (claims != null && heap >= 0) {
            // keep the index reachable until the heap was measured
            System.out.println("unjoinedClaimLines=" + claims.unjoinedLineCount());
        }
    }
}
