package com.rcm.j3490.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The job's temporary files (POI's streamed sheets, the worklist sort buffers, the 835 spills) hold patient data,
 * so they live in the job's own private folder, not in the shared {@code /tmp}:
 * {@code <recon.repository.path>/tmp/<pid>/}, 0700. Each process has its own folder, removed when
 * it ends; at every start the folders of processes that no longer run (killed with {@code kill -9},
 * a power cut) are removed, while a process that still runs keeps its own.
 */
public class JobTempFolder implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(JobTempFolder.class);

    private final Path folder;

    public JobTempFolder(Path repositoryFolder) {
        try {
            PrivateFolder.restrict(repositoryFolder);
            Path base = PrivateFolder.restrict(repositoryFolder.resolve("tmp"));
            removeLeftovers(base);
            folder = PrivateFolder.restrict(base.resolve(Long.toString(ProcessHandle.current().pid())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the job's temporary folder under " + repositoryFolder
                    + ": " + e.getMessage(), e);
        }
        // every POI temporary file of this process (SXSSF sheet data) goes here
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
    }

    public Path path() {
        return folder;
    }

    /** Removes the folders of processes that are gone; returns how many. */
    static int removeLeftovers(Path base) throws IOException {
        int removed = 0;
        try (Stream<Path> folders = Files.list(base)) {
            for (Path f : folders.toList()) {
                String name = f.getFileName().toString();
                boolean alive = name.matches("\\d+") && ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive)
                        .orElse(false);
                if (!alive) {
                    delete(f);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            log.info("Removed the temporary files of {} job process(es) that ended without cleaning up", removed);
        }
        return removed;
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void destroy() throws IOException {
        delete(folder);
    }
}
