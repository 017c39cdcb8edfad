package com.rcm.j3490.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a workbook when another writer uses the same folder (issue 12, case 6). */
class WorkbookPublisherTest {
    @TempDir
    Path dir;

    /** A minimal workbook-shaped zip that says who wrote it. */
    private static WorkbookPublisher.Content workbook(String writer) {
        return out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("writer.txt"));
            zip.write(writer.getBytes(StandardCharsets.UTF_8));
            zip.finish();
        };
    }

    private static String writer(Path workbook) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("writer.txt")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void twoWritersOfOneNameEachPublishTheirOwnVerifiedFileAndNoneIsLost() throws Exception {
        Path target = dir.resolve("j3490-worklist-2026-11-23.xlsx");
        int perWriter = 15;
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String w : List.of("A", "B")) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        Path published = WorkbookPublisher.publish(target, workbook(w + i));
                        if (!published.equals(target)) { // kept aside by the other writer: still its own file
                            assertThat(writer(published)).isEqualTo(w + i);
                        }
                        reported.add(w + i + "->" + published.getFileName());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reported).hasSize(2 * perWriter);
        List<String> writers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(f.getFileName().toString()).as("no temporary file left").doesNotEndWith(".tmp");
                writers.add(writer(f));
            }
        }
        // every workbook written is there once: under the name, or kept aside as replaced
        assertThat(writers).hasSize(2 * perWriter).doesNotHaveDuplicates();
    }

    @Test
    void anIncompleteFileIsNeverPublished() {
        Path target = dir.resolve("j3490-worklist-2026-11-23.xlsx");
        assertThatThrownBy(() -> WorkbookPublisher.publish(target, out -> out.write("PK half".getBytes())))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot write workbook");
        assertThat(target).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aWriteThatFailsLeavesNothingAndKeepsTheCause() {
        Path target = dir.resolve("j3490-worklist-2026-11-23.xlsx");
        assertThatThrownBy(() -> WorkbookPublisher.publish(target, out -> {
            out.write(new byte[10]);
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left on device");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anEarlierWorkbookIsKeptAsideAndStaleTemporaryFilesAreRemoved() throws Exception {
        Path target = dir.resolve("j3490-worklist-2026-11-23.xlsx");
        WorkbookPublisher.publish(target, workbook("first"));
        Path stale = Files.writeString(dir.resolve(".j3490-worklist-2026-11-23.xlsx.4242-deadbeef.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(WorkbookPublisher.STALE_TEMP).minusSeconds(60)));
        Path fresh = Files.writeString(dir.resolve(".j3490-worklist-2026-11-23.xlsx.4343-cafebabe.tmp"), "writing");

        assertThat(WorkbookPublisher.publish(target, workbook("second"))).isEqualTo(target);
        assertThat(writer(target)).isEqualTo("second");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.matches("j3490-worklist-2026-11-23\\.replaced-\\d{8}-\\d{6}\\.xlsx"));
            assertThat(names).doesNotContain(stale.getFileName().toString())
                    .contains(fresh.getFileName().toString());
        }
    }
}
