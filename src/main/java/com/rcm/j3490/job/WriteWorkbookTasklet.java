package com.rcm.j3490.job;

import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.ReconRepository.RunFile;
import com.rcm.j3490.rules.Money;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import com.rcm.j3490.backlog.BacklogFigures;
import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.workbook.RunSummary;
import com.rcm.j3490.workbook.SummaryWriter;
import com.rcm.j3490.threads.SideThread;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Last step: the workbook, published only when complete; then the run's remittance checksums are
 * registered. All Lines shows tonight's lines (one ordered read of the staging table, on its own
 * thread); the worklists show every open work item, sorted per worklist, and Resolved the items
 * resolved in the window (contract 6.2), read from the backlog store as a stream, after the
 * applyBacklog step applied the run date to the items.
 */
public class WriteWorkbookTasklet implements Tasklet {
    public static final String WORKBOOK_PATH = "workbookPath";
    /** Job execution context: "STATUS=count;..." of the run's lines (duplicates excluded). */
    public static final String LINES_PER_STATUS = "linesPerStatus";
    /** Job execution context: lines reconciled (duplicates excluded) and duplicates. */
    public static final String LINES = "lines";
    public static final String DUPLICATES = "duplicates";
    /** Adjustment group codes explained on the Summary. */
    private static final List<String> GROUP_CODES = List.of("CO", "PR", "OA", "PI", "CR");
    private static final int TOP_LINES = 10;
    private static final Logger log = LoggerFactory.getLogger(WriteWorkbookTasklet.class);

    private final ReconProperties properties;
    private final ReconRepository repository;
    private final RunReferenceData reference;
    private final BacklogStore store;
    /** The All Lines read runs in its own read-only transaction (PostgreSQL streams rows only inside one). */
    private final TransactionTemplate readOnly;
    private final RunInputs inputs;
    /** The job's private temporary folder (the worklist sort buffers hold patient data). */
    private final Path tempFolder;

    public WriteWorkbookTasklet(ReconProperties properties, ReconRepository repository, RunReferenceData reference,
            BacklogStore store, PlatformTransactionManager transactionManager, RunInputs inputs, Path tempFolder) {
        this.inputs = inputs;
        this.tempFolder = tempFolder;
        this.properties = properties;
        this.repository = repository;
        this.reference = reference;
        this.store = store;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        LocalDate runDate = RunKey.of(jobExecution.getJobParameters()).runDate();
        var jobContext = jobExecution.getExecutionContext();
        // the checksums recorded as reconciled must be the content reconciled: no input replaced meanwhile
        inputs.changedSinceRecorded(instanceId, runDate).ifPresent(change -> {
            throw new IllegalStateException(change);
        });
        List<RunFile> files = repository.runFiles(instanceId);
        LineTotals totals = new LineTotals(TOP_LINES);
        RunSummary summary;
        ReconProperties.Workbook settings = properties.workbook();
        var options = new WorklistWorkbookWriter.Options(settings.deadlineWarningDays(),
                settings.patientNames() == ReconProperties.PatientNames.ALL, settings.resolvedDays());

        Path written;
        long started = System.nanoTime();
        long worklistsDone;
        long allLinesDone;
        try (WorklistWorkbookWriter writer = new WorklistWorkbookWriter(properties.output().dir(), runDate,
                reference.codes(), options, store.extraColumns())) {
            // All Lines (tonight's lines, most of the workbook's cells) is written beside the rest: its
            // own read of the staging table on one thread (which also sums the night's lines for the
            // Summary: LineTotals is read only after that thread ended), the sheet on another; this
            // thread reads the open items and writes the worklists
            ExecutorService allLinesThread = SideThread.named("all-lines-reader");
            AtomicBoolean stopped = new AtomicBoolean(); // this thread failed first: the All Lines pass ends early
            try {
                // its end (normal or not) frees a core for a second worklist writer
                CompletableFuture<Long> allLines = CompletableFuture.supplyAsync(() -> {
                    readOnly.executeWithoutResult(tx -> {
                        try (var sheet = writer.allLines();
                                var background = new BackgroundConsumer<ReconciledLine>("all-lines-writer", sheet)) {
                            repository.forEachLine(instanceId, line -> {
                                if (stopped.get()) {
                                    throw new CancellationException("the workbook step failed");
                                }
                                totals.add(line);
                                background.accept(line);
                            });
                        }
                    });
                    return System.nanoTime();
                }, allLinesThread);
                writer.backlog(store, tempFolder, allLines);
                worklistsDone = System.nanoTime();
                allLinesDone = SideThread.resultOf(allLines, "the All Lines sheet was written");
            } finally {
                // nothing may still write the workbook when it is closed (or deleted, after a failure)
                stopped.set(true);
                SideThread.awaitEnd(allLinesThread);
            }
            summary = summary(instanceId, runDate, files, totals);
            writer.summary(summary);
            writer.notes(notes(jobExecution.getId(), jobContext));
            writer.remittanceBalances(repository.remittanceBalances().load(instanceId));
            writer.rejectedRows(sink -> repository.forEachRejection(instanceId, sink));
            written = writer.commit();
            BacklogFigures figures = writer.figures();
            log.info("Backlog: {} open item(s), {} new tonight, {} resolved tonight", figures.open().count(),
                    figures.newTonight().count(), figures.resolvedTonight().count());
        }
        log.info("Workbook step: worklists written by {} s, All Lines by {} s, saved by {} s",
                seconds(started, worklistsDone), seconds(started, allLinesDone),
                seconds(started, System.nanoTime()));
        repository.registerReconciled(instanceId, runDate, files);
        repository.registerReconciledKeys(instanceId, runDate);
        jobContext.putString(WORKBOOK_PATH, written.toString());
        // the end-of-run line reads these instead of scanning the staging table again
        jobContext.putLong(LINES, summary.total().lines());
        jobContext.putLong(DUPLICATES, summary.duplicates());
        jobContext.putString(LINES_PER_STATUS, summary.byStatus().stream()
                .filter(g -> g.lines() > 0)
                .sorted(java.util.Comparator.comparing(RunSummary.Group::key))
                .map(g -> g.key() + "=" + g.lines())
                .collect(Collectors.joining(";")));
        log.info("Workbook written: {} ({} lines; {})", written, summary.total().lines(), summary.byStatus().stream()
                .filter(g -> g.lines() > 0).map(g -> g.key() + "=" + g.lines()).collect(Collectors.joining(", ")));
        return RepeatStatus.FINISHED;
    }

    private static String seconds(long from, long to) {
        return String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e9);
    }

    /** The team input's facts and warnings, and in red every payer whose contract row was rejected. */
    private SummaryWriter.Notes notes(long jobExecutionId, org.springframework.batch.infrastructure.item.ExecutionContext jobContext) {
        List<String> warnings = new ArrayList<>();
        for (String payer : reference.forExecution(jobExecutionId).payersWithRejectedContractRows()) {
            warnings.add((payer.equals(com.rcm.j3490.rules.ContractBook.UNKNOWN_PAYER)
                    ? "A payer contract row without a readable payer" : "Payer " + payer + ": a contract row")
                    + " was rejected (see " + WorklistWorkbookWriter.REJECTED_ROWS + "). Lines it would have priced "
                    + "are flagged and may be priced by another row or not at all: fix the contract file and rerun.");
        }
        warnings.addAll(WorkbookTeamColumns.notes(jobContext, WorkbookTeamColumns.WARNINGS));
        return new SummaryWriter.Notes(WorkbookTeamColumns.notes(jobContext, WorkbookTeamColumns.FACTS), warnings);
    }

    private RunSummary summary(long instanceId, LocalDate runDate, List<RunFile> files, LineTotals totals) {
        Map<String, Long> rejected = repository.rejectionsPerFile(instanceId);
        List<RunSummary.InputFile> inputFiles = new ArrayList<>();
        long otherCodes = 0;
        long duplicates = 0;
        for (RunFile f : files) {
            boolean remittance = f.kind() == InputKind.REMITTANCE;
            otherCodes += f.otherCodeRows();
            if (remittance) {
                duplicates += f.duplicateLines();
            }
            inputFiles.add(new RunSummary.InputFile(f.kind().label(), f.name(), f.rowsRead(),
                    remittance ? f.targetLines() : null,
                    rejected.getOrDefault(f.kind().name() + "#" + f.order(), 0L), f.skippedReason()));
        }
        List<RunSummary.Group> statusGroups = new ArrayList<>();
        for (Status s : Status.values()) {
            LineTotals.Sums sums = totals.status(s);
            statusGroups.add(sums == null ? group(s.name(), s.label(), new LineTotals.Sums()) : group(s.name(), s.label(), sums));
        }
        List<RunSummary.Group> payerGroups = totals.byPayer().entrySet().stream()
                .map(e -> group(e.getKey(), totals.payerName(e.getKey()), e.getValue()))
                .toList();
        var codes = reference.codes();
        List<RunSummary.Group> denialGroups = totals.byDenialCode().entrySet().stream()
                .map(e -> group(e.getKey(), codes.carc(e.getKey().substring(e.getKey().indexOf('-') + 1)), e.getValue()))
                .toList();
        List<RunSummary.CodeNote> groupCodes = GROUP_CODES.stream()
                .map(g -> new RunSummary.CodeNote(g, codes.group(g)))
                .toList();
        return new RunSummary(runDate, LocalDateTime.now(), inputFiles, group("ALL", "All lines", totals.total()),
                statusGroups, payerGroups, otherCodes, duplicates, repository.countRejections(instanceId), denialGroups,
                totals.topLines(), groupCodes);
    }

    private static RunSummary.Group group(String key, String label, LineTotals.Sums s) {
        return new RunSummary.Group(key, label, s.lines, Money.cents(s.billed), Money.cents(s.paid),
                Money.cents(s.reimbursed), Money.cents(s.expected), Money.cents(s.variance), Money.cents(s.atStake));
    }
}
