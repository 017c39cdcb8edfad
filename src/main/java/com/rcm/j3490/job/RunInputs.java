package com.rcm.j3490.job;

import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.ReconRepository.RunFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The inputs a run started with, and whether they are still the same. Once a run has reconciled
 * rows, it may only resume on exactly those inputs: a restart that read a changed file would mix
 * old and new content (rows before the restart point at the old amounts, after it at the new),
 * and the checksum recorded as reconciled would not be the content reconciled. A changed, added
 * or removed remittance, invoice or reference file therefore refuses the restart; the manager
 * abandons the run and reruns the date to reconcile the new content.
 */
public class RunInputs {
    /** The step whose commits fix the inputs. */
    static final String RECONCILE_STEP = "reconcileLines";
    /** The kinds compared: the files the numbers are computed from (code descriptions are text only). */
    static final List<InputKind> COMPARED = List.of(InputKind.REMITTANCE, InputKind.CLAIM_LINES, InputKind.INVOICES,
            InputKind.CONTRACTS, InputKind.PRICING);

    private final ReconProperties properties;
    private final ReconRepository repository;
    private final JobRepository jobRepository;

    public RunInputs(ReconProperties properties, ReconRepository repository, JobRepository jobRepository) {
        this.properties = properties;
        this.repository = repository;
        this.jobRepository = jobRepository;
    }

    /** An input file as found now, with its content checksum. */
    public record Found(InputKind kind, Path path, String checksum) {
    }

    /** Every input file the configured paths name now, in the inventory's order, with checksums (also the console's inputs page). */
    public List<Found> current() {
        List<Found> found = new ArrayList<>();
        add(found, properties.input().remittance(), InputKind.REMITTANCE);
        if (properties.input().claims() != null) {
            add(found, properties.input().claims(), InputKind.CLAIM_LINES);
        }
        add(found, properties.input().invoices(), InputKind.INVOICES);
        add(found, properties.reference().contracts(), InputKind.CONTRACTS);
        add(found, properties.reference().pricing(), InputKind.PRICING);
        return found;
    }

    private static void add(List<Found> found, Path path, InputKind kind) {
        for (Path file : InputFiles.list(path, kind)) {
            found.add(new Found(kind, file, FileChecksum.sha256(file)));
        }
    }

    /**
     * True once the run has reconciled something (a committed chunk) or finished reconciling: from
     * then on its inputs are fixed. Before (a run refused by the skip limit, a crash in the first
     * chunk), a relaunch starts on the inputs as they are now.
     */
    boolean fixed(JobInstance instance, List<RunFile> recorded) {
        if (recorded.isEmpty()) {
            return false;
        }
        if (recorded.stream().anyMatch(f -> f.kind() == InputKind.REMITTANCE && f.rowsRead() > 0)) {
            return true;
        }
        StepExecution reconcile = jobRepository.getLastStepExecution(instance, RECONCILE_STEP);
        return reconcile != null && (reconcile.getStatus() == BatchStatus.COMPLETED || reconcile.getCommitCount() > 0);
    }

    /**
     * For a run that may resume: what changed in its inputs since it started, as one line that says
     * what to do, or empty when it may resume (same inputs, or nothing reconciled yet).
     */
    public Optional<String> changedSinceStart(JobInstance instance, LocalDate runDate) {
        List<RunFile> recorded = repository.runFiles(instance.getInstanceId());
        if (!fixed(instance, recorded)) {
            return Optional.empty();
        }
        return firstDifference(recorded, current()).map(change -> refusal(change, runDate));
    }

    /** The same check with no exception: for a run about to record its checksums as reconciled. */
    Optional<String> changedSinceRecorded(long instanceId, LocalDate runDate) {
        return firstDifference(repository.runFiles(instanceId), current())
                .map(change -> change + " while run " + runDate + " was reading it, so the recorded checksum is not "
                        + "the content reconciled; " + whatToDo(runDate));
    }

    static String refusal(String change, LocalDate runDate) {
        return "Refused: " + change + " since run " + runDate + " started; a restart resumes only on the inputs the "
                + "run started with. " + whatToDo(runDate);
    }

    private static String whatToDo(LocalDate runDate) {
        return "To reconcile the new content: " + FailureReason.rerunAdvice(runDate)
                + " (or put the original file back and restart)";
    }

    /**
     * The first difference between the recorded inputs and those found now: a file changed, added
     * or removed. Kinds the run recorded no checksum for (a repository from before checksums of
     * reference files) are not compared.
     */
    static Optional<String> firstDifference(List<RunFile> recorded, List<Found> now) {
        List<InputKind> comparedKinds = COMPARED.stream()
                .filter(k -> recorded.stream().noneMatch(f -> f.kind() == k && f.checksum() == null)).toList();
        Map<String, RunFile> before = new LinkedHashMap<>();
        for (RunFile f : recorded) {
            if (comparedKinds.contains(f.kind())) {
                before.put(key(f.kind(), f.path()), f);
            }
        }
        Map<String, Found> after = new LinkedHashMap<>();
        for (Found f : now) {
            if (comparedKinds.contains(f.kind())) {
                after.put(key(f.kind(), f.path()), f);
            }
        }
        for (Map.Entry<String, RunFile> e : before.entrySet()) {
            RunFile was = e.getValue();
            Found is = after.get(e.getKey());
            if (is == null) {
                return Optional.of(was.kind().label() + " file " + was.path() + " was removed or renamed");
            }
            if (!is.checksum().equals(was.checksum())) {
                return Optional.of(was.kind().label() + " file " + was.path() + " changed");
            }
        }
        for (Map.Entry<String, Found> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                return Optional.of(e.getValue().kind().label() + " file " + e.getValue().path() + " was added");
            }
        }
        return Optional.empty();
    }

    private static String key(InputKind kind, Path path) {
        return kind + ":" + path.toAbsolutePath().normalize();
    }
}
