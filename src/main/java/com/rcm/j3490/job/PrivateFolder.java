package com.rcm.j3490.job;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder only the job's user can read: the job repository (staged lines hold patient names) and
 * the job's temporary files. Folders 0700, files 0600; on a file system without POSIX permissions
 * (Windows) nothing is changed and the folder's ACLs apply.
 */
public final class PrivateFolder {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFolder() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folder if needed and makes it, and everything in it, private to this user. */
    public static Path restrict(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (!posix()) {
            return folder;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                try {
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? FOLDER : FILE);
                } catch (java.nio.file.NoSuchFileException e) {
                    // an H2 temporary file deleted meanwhile
                }
            }
        }
        return folder;
    }
}
