package com.rcm.j3490.job;

import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output folder, checked before a run starts: found only after reconciling (an unwritable
 * folder, a full disk), the problem would cost the night's run and show as a bare path.
 */
public final class OutputFolder {
    /** Room for the workbook's fixed part (styles, Summary, charts) besides the lines. */
    static final long BASE_BYTES = 16L << 20;

    private OutputFolder() {
    }

    /**
     * A first estimate of the workbook's size: 1.25 times the size of the remittance files, plus a
     * fixed part. docs/performance.md has 994,160 lines giving a 236 MB workbook; remittance CSV
     * rows take about 200 bytes (the samples: 27 KB for 130 rows), so the workbook is about 1.2
     * times its input.
     */
    public static long estimatedWorkbookBytes(Path remittance) {
        long bytes = 0;
        for (Path file : InputFiles.list(remittance, InputKind.REMITTANCE)) {
            try {
                bytes += Files.size(file);
            } catch (IOException e) {
                // the input check names an unreadable file
            }
        }
        return BASE_BYTES + bytes * 5 / 4;
    }

    /** Refuses the run (exit 2) unless the folder exists or can be created, takes a file, and has room. */
    public static void check(Path dir, long neededBytes) {
        String where = "output folder " + dir.toAbsolutePath().normalize() + " (recon.output.dir)";
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw refused(where + " is not a folder but a file");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw refused(where + " cannot be created: " + problem(e) + "; create it or fix its parent's permissions");
        } catch (IOException e) {
            throw refused(where + " cannot be created: " + e.getMessage());
        }
        if (!Files.isDirectory(dir)) {
            throw refused(where + " is not a folder");
        }
        try {
            Path probe = Files.createTempFile(dir, ".j3490-write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw refused(where + " is not writable by this user: " + problem(e)
                    + "; fix its permissions or set recon.output.dir");
        }
        long usable;
        try {
            usable = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return; // no figure: the write itself will tell
        }
        if (usable < neededBytes) {
            throw refused(where + " has " + megabytes(usable) + " free; the workbook needs about "
                    + megabytes(neededBytes) + " (estimated from the remittance files); free some space or set "
                    + "recon.output.dir");
        }
    }

    private static String problem(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way of " + e.getMessage();
        }
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
    }

    private static String megabytes(long bytes) {
        return RunFormat.n(Math.max(1, bytes >> 20)) + " MB";
    }

    private static UserError refused(String message) {
        return new UserError(ExitCode.REFUSED, "Refused: " + message + ".");
    }
}
