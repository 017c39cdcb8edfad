package com.rcm.j3490.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The application in a separate JVM ({@code java -cp <test classpath> com.rcm.j3490.ReconApplication}),
 * as a scheduler or a manager would start it; its standard output and error are collected line
 * by line while it runs.
 */
final class JvmProcess implements AutoCloseable {
    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());
    private final Thread outReader;
    private final Thread errReader;

    private JvmProcess(Process process) {
        this.process = process;
        this.outReader = pump(process.getInputStream(), out);
        this.errReader = pump(process.getErrorStream(), err);
    }

    /** The test JVM's classpath: target/classes, target/test-classes and every dependency. */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    static JvmProcess start(Path workDir, List<String> args) throws IOException {
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp, "-Dfile.encoding=UTF-8",
                "-cp", classpath(), "com.rcm.j3490.ReconApplication"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().remove("SPRING_APPLICATION_JSON");
        return new JvmProcess(builder.start());
    }

    /** Runs the application to its end and returns it (exit code, output). */
    static JvmProcess run(Path workDir, List<String> args, Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        JvmProcess p = start(workDir, args);
        p.waitFor(timeout);
        System.out.printf("[JvmProcess] %s -> exit %d in %.1f s%n", args.get(0), p.exitCode(),
                (System.nanoTime() - t0) / 1e9);
        return p;
    }

    private static Thread pump(InputStream in, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "jvm-process-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The first standard output line that matches, waiting for it up to {@code timeout}. */
    Optional<String> awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            synchronized (out) {
                for (; seen < out.size(); seen++) {
                    if (matches.test(out.get(seen))) {
                        return Optional.of(out.get(seen));
                    }
                }
            }
            if (!process.isAlive() && seen >= out.size()) {
                outReader.join(1000);
                synchronized (out) {
                    if (seen >= out.size()) {
                        return Optional.empty();
                    }
                }
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the application did not end within " + timeout + "; output:\n" + output());
        }
        outReader.join(5000);
        errReader.join(5000);
        return process.exitValue();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no clean-up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        outReader.join(5000);
        errReader.join(5000);
    }

    /** SIGTERM, as {@code kill} or {@code systemctl stop}: the application shuts down gracefully. */
    void terminate() {
        // through the handle: Process.destroy() would also close our end of its output pipes
        process.toHandle().destroy();
    }

    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    List<String> stdout() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> stderr() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    String output() {
        return "--- stdout\n" + String.join("\n", stdout()) + "\n--- stderr\n" + String.join("\n", stderr());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
