package com.rcm.j3490.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Resolves an input property to files: a file, or a folder whose *.csv files (and, for remittances
 * and claims, *.835 / *.837 / *.edi / *.x12 / *.txt: {@link InputKind#extensions()}) are read in name
 * order. Every such entry of a folder is read or refuses the run: a link to nothing, a looping
 * link, a FIFO or a folder named *.csv is never skipped silently, and nothing but a regular
 * file is ever opened (a FIFO would block the run).
 */
public final class InputFiles {
    private InputFiles() {
    }

    public static List<Path> list(Path path, InputKind kind) {
        if (Files.isDirectory(path)) {
            return listFolder(path, kind);
        }
        if (!Files.exists(path) && !Files.isSymbolicLink(path)) {
            throw new InputFileException(kind.label() + " input " + path + " does not exist");
        }
        checkReadableFile(path, kind);
        return List.of(path);
    }

    /** Refuses anything but a readable regular file (following links), without opening it. */
    public static void checkReadableFile(Path file, InputKind kind) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new InputFileException(kind.label() + " file " + file
                    + " cannot be read: it is a link to a file that does not exist (or a link loop)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(kind.label() + " file " + file
                    + " is not a regular file (a folder, FIFO or device); give a file or a folder of "
                    + String.join(" / ", kind.extensions()) + " files");
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(kind.label() + " file " + file + " is not readable");
        }
    }

    private static boolean readsName(String name, InputKind kind) {
        String lower = name.toLowerCase(Locale.ROOT);
        return kind.extensions().stream().anyMatch(lower::endsWith);
    }

    private static List<Path> listFolder(Path path, InputKind kind) {
        try (Stream<Path> entries = Files.list(path)) {
            List<Path> files = entries
                    .filter(p -> readsName(p.getFileName().toString(), kind))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
            files.forEach(f -> checkReadableFile(f, kind));
            return files;
        } catch (IOException e) {
            throw new InputFileException("cannot list " + kind.label() + " folder " + path + ": " + e.getMessage(), e);
        }
    }
}
