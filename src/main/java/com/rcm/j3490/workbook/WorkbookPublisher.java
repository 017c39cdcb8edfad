package com.rcm.j3490.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.ZipFile;

/**
 * Puts a finished workbook under its final name so that no reader, and no other process writing
 * the same folder, ever sees a half-written or foreign file there:
 * <ol>
 * <li>the content goes to a temporary file whose name is unique to this process and this call
 *     ({@code .<name>.<pid>-<random>.tmp}) and is forced to disk (a full disk fails here, with
 *     the system's own message);</li>
 * <li>a workbook already under the final name is kept aside as {@code <name>.replaced-<time>.xlsx},
 *     never overwritten (billers may have worked in it);</li>
 * <li>the temporary file is published under the final name by a hard link, which fails instead
 *     of replacing when another process published the same name meanwhile (then that one is kept
 *     aside and the link retried); a file system without hard links gets an atomic rename;</li>
 * <li>the published file is checked: still the very file written (its content was checked as a
 *     complete zip before), or, after a rename, a complete zip whose SHA-256 equals what was
 *     written. Only then is its path returned (the name it was kept aside as, when another
 *     process published the same name a moment later); otherwise nothing is reported.</li>
 * </ol>
 */
public final class WorkbookPublisher {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkbookPublisher.class);
    /** The content of the workbook, written once. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Temporary files left by a process killed while writing are removed once they are this old. */
    static final Duration STALE_TEMP = Duration.ofMinutes(30);
    private static final int ATTEMPTS = 5;
    private static final DateTimeFormatter KEPT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private WorkbookPublisher() {
    }

    /** Publishes the content under {@code finalPath} and returns it once verified. */
    public static Path publish(Path finalPath, Content content) {
        Path dir = finalPath.toAbsolutePath().getParent();
        String name = finalPath.getFileName().toString();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            removeStaleTemps(dir, name);
            temp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                    + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
            byte[] written = write(temp, content);
            checkZip(temp);
            if (publishUnique(temp, finalPath)) {
                return locate(finalPath, temp);
            }
            verify(finalPath, written);
            return finalPath;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workbook " + finalPath + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // removed as stale by a later run
                }
            }
        }
    }

    /** Writes and forces the content to disk; returns its SHA-256. */
    private static byte[] write(Path temp, Content content) throws IOException {
        MessageDigest digest = sha256();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        return digest.digest();
    }

    /** True when published by a hard link (the temporary file is still the same file), false by a rename. */
    private static boolean publishUnique(Path temp, Path finalPath) throws IOException {
        for (int attempt = 1; ; attempt++) {
            keepAside(finalPath);
            try {
                Files.createLink(finalPath, temp);
                return true;
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw new IOException("another process keeps publishing " + finalPath.getFileName()
                            + " in the same folder (two runs writing one output folder?)", e);
                }
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links here (some network shares): an atomic rename, which replaces a file
                // another process may have published meanwhile; verify() then tells
                Files.move(temp, finalPath, StandardCopyOption.ATOMIC_MOVE);
                return false;
            }
        }
    }

    /** A workbook under the final name is renamed to {@code <name>.replaced-<time>[-n].xlsx}. */
    private static void keepAside(Path finalPath) throws IOException {
        if (!Files.exists(finalPath)) {
            return;
        }
        String stem = finalPath.getFileName().toString().replaceFirst("\\.xlsx$", "");
        String base = stem + ".replaced-" + LocalDateTime.now().format(KEPT);
        for (int n = 1; ; n++) {
            Path kept = finalPath.resolveSibling(base + (n == 1 ? "" : "-" + n) + ".xlsx");
            try {
                Files.move(finalPath, kept);
                return;
            } catch (FileAlreadyExistsException e) {
                // kept aside in the same second already: the next suffix
            } catch (NoSuchFileException e) {
                return; // another process kept it aside first
            }
        }
    }

    /**
     * Where this run's workbook is now: under the final name if it is still the file this run
     * wrote (the same file as its temporary name, whose content was checked), else under the name
     * another process kept it aside as when it published the same workbook at the same moment.
     */
    private static Path locate(Path finalPath, Path temp) throws IOException {
        if (sameFile(finalPath, temp)) {
            // the very file checked under its temporary name; not opened again by the final name,
            // which another process may move aside at any moment
            return finalPath;
        }
        String stem = finalPath.getFileName().toString().replaceFirst("\\.xlsx$", "");
        try (var kept = Files.newDirectoryStream(finalPath.toAbsolutePath().getParent(), stem + ".replaced-*.xlsx")) {
            for (Path k : kept) {
                if (sameFile(k, temp)) {
                    checkZip(k);
                    log.warn("Another process published {} at the same moment (two runs writing one output folder?); "
                            + "this run's workbook was kept aside as {}", finalPath.getFileName(), k.getFileName());
                    return k;
                }
            }
        }
        throw new IOException("this run's workbook is no longer in the folder (another process writing the same "
                + "folder?); it is not reported");
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // moved away meanwhile
        }
    }

    /** The file under the final name is the one written: complete, and byte for byte the same. */
    private static void verify(Path finalPath, byte[] written) throws IOException {
        checkZip(finalPath);
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(finalPath)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        if (!Arrays.equals(digest.digest(), written)) {
            throw new IOException("the file under that name is not the one this run wrote (another process "
                    + "published the same workbook at the same moment: two runs writing one output folder?); this "
                    + "run's workbook is not reported");
        }
    }

    /** A zip whose central directory (written last) can be read, holding a workbook part. */
    private static void checkZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") == null) {
                throw new IOException(file.getFileName() + " is not a complete workbook (no xl/workbook.xml)");
            }
        }
    }

    private static void removeStaleTemps(Path dir, String name) throws IOException {
        Instant before = Instant.now().minus(STALE_TEMP);
        try (var files = Files.newDirectoryStream(dir, "." + name + ".*.tmp")) {
            for (Path f : files) {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException ignored) {
                    // another process removed it
                }
            }
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e instanceof NoSuchFileException || m == null ? e.getClass().getSimpleName() + " " + m : m;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
