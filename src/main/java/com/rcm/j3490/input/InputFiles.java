package com.rcm.j3490.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Resolves an input property to files: a file, or a folder whose *.csv files are read in name order. */
public final class InputFiles {
    private InputFiles() {
    }

    public static List<Path> list(Path path, InputKind kind) {
        if (!Files.exists(path)) {
            throw new InputFileException(kind.label() + " input " + path + " does not exist");
        }
        if (Files.isRegularFile(path)) {
            checkReadable(path, kind);
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<Path> files = entries
                    .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".csv"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
            files.forEach(f -> checkReadable(f, kind));
            return files;
        } catch (IOException e) {
            throw new InputFileException("cannot list " + kind.label() + " folder " + path + ": " + e.getMessage(), e);
        }
    }

    private static void checkReadable(Path file, InputKind kind) {
        if (!Files.isReadable(file)) {
            throw new InputFileException(kind.label() + " file " + file + " is not readable");
        }
    }
}
