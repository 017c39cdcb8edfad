package com.rcm.j3490.workbook;

import com.rcm.j3490.backlog.BacklogFigures;
import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.backlog.WorkbookItems;
import com.rcm.j3490.backlog.WorkItem;
import com.rcm.j3490.backlog.WorkStatus;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.reconcile.RemittanceBalances;
import com.rcm.j3490.rules.CodeDescriptions;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import com.rcm.j3490.threads.SideThread;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import com.rcm.j3490.workbook.poi.SheetCompressingWorkbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The run's workbook, streamed with POI SXSSF (a window of rows in memory, the rest on disk) and
 * published by {@link WorkbookPublisher} only when every sheet is complete. It puts the sheets in
 * their order and shows what it is given: tonight's lines on All Lines, the open work items on
 * the worklists, the recently resolved items on Resolved (contract 6.2); the Summary's backlog
 * figures are summed from exactly the items written, so they always equal the sheets' totals.
 * Columns are in {@link LineColumns} and {@link ItemColumns}, sheets in {@link LineSheet}, the
 * Summary in {@link SummaryWriter}, styles in {@link WorkbookStyles}.
 *
 * <p>Order of use: {@link #allLines()} at any time before commit, also on another thread while
 * the worklists are written (creating and completing sheets is serialised on the workbook; rows
 * go to each sheet's own file); the {@link #worklist(Status)} sheets in {@link #WORKLISTS} order,
 * each fed in worklist order; {@link #resolved}; {@link #rejectedRows}; {@link #summary};
 * {@link #commit()}.
 */
public final class WorklistWorkbookWriter implements AutoCloseable {
    /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
    static final int EXCEL_MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;
    public static final String SUMMARY = "Summary";
    public static final String ALL_LINES = "All Lines";
    public static final String RESOLVED = "Resolved";
    public static final String REJECTED_ROWS = RejectedRowsSheet.NAME;
    /** The Work Status choices (6.3), in the drop-down's order. */
    public static final List<String> WORK_STATUSES = Arrays.stream(WorkStatus.values()).map(WorkStatus::label).toList();
    /** Worklist sheets in the order the contract lists the groups. */
    public static final List<Status> WORKLISTS = List.of(Status.UNDERPAID, Status.DENIED_CO16, Status.DENIED_CO50,
            Status.DENIED_CO151, Status.DENIED_OTHER, Status.NO_EXPECTED, Status.OVERPAID, Status.PATIENT_RESP,
            Status.REVERSED);

    /** How the workbook is written: what the properties say. */
    public record Options(int deadlineWarningDays, boolean patientNames, int resolvedDays) {
    }

    private final Path finalPath;
    private final SXSSFWorkbook workbook;
    private final XSSFSheet summarySheet;
    private final WorkbookContext context;
    private final CodeDescriptions codes;
    private final Options options;
    private final List<String> teamHeaders;
    private final BacklogFigures.Builder figures;
    private RunSummary summary;
    private SummaryWriter.Notes notes = SummaryWriter.Notes.NONE;
    private RemittanceBalances remittanceBalances;
    private boolean committed;

    public static String fileName(LocalDate runDate) {
        return "j3490-worklist-" + runDate + ".xlsx";
    }

    /**
     * @param teamHeaders the columns the team added to the worklists, in order: shown after the job's columns
     */
    public WorklistWorkbookWriter(Path outputDir, LocalDate runDate, CodeDescriptions codes, Options options,
            List<String> teamHeaders) {
        this(outputDir, runDate, codes, options, teamHeaders, EXCEL_MAX_DATA_ROWS);
    }

    WorklistWorkbookWriter(Path outputDir, LocalDate runDate, CodeDescriptions codes, Options options,
            List<String> teamHeaders, int maxDataRows) {
        this.finalPath = outputDir.resolve(fileName(runDate));
        this.codes = codes;
        this.options = options;
        this.teamHeaders = List.copyOf(teamHeaders);
        this.workbook = new SheetCompressingWorkbook(200);
        // An XSSF sheet (not streamed) so it can host XDDF charts; first, so it is the first tab.
        this.summarySheet = workbook.getXSSFWorkbook().createSheet(SUMMARY);
        this.context = new WorkbookContext(workbook, new WorkbookStyles(workbook), runDate, maxDataRows,
                options.deadlineWarningDays());
        this.figures = BacklogFigures.builder(runDate);
    }

    public Path finalPath() {
        return finalPath;
    }

    /** The 835s' balancing, claim CAS and PLB for the Summary (contract 5.2); call before {@link #commit}. */
    public void remittanceBalances(RemittanceBalances balances) {
        this.remittanceBalances = balances;
    }

    /** The run's own figures (inputs, tonight's lines) for the Summary; written when the workbook is committed. */
    public void summary(RunSummary s) {
        this.summary = s;
    }

    /** Facts and warnings for the Summary (team input read, payers without a contract row, ...). */
    public void notes(SummaryWriter.Notes n) {
        this.notes = n;
    }

    /** Receives rows for one sheet, in order. */
    public interface Sink<T> extends Consumer<T>, AutoCloseable {
        @Override
        void close();
    }

    /** All Lines: tonight's reconciled lines. */
    public Sink<ReconciledLine> allLines() {
        List<Column<ReconciledLine>> columns = LineColumns.allLines();
        LineSheet sheet = new LineSheet(context, LineSheet.Shape.of(ALL_LINES, columns, List.of(), 0, 22));
        return sink(sheet, columns, null, false);
    }

    /**
     * A worklist: the open items of one status, fed in worklist order (2.4). Each item written is
     * counted for the Summary.
     */
    public Sink<WorkItem> worklist(Status status) {
        ItemColumns.Layout layout = ItemColumns.worklist(status, context.runDate(), codes, options.patientNames());
        LineSheet sheet = new LineSheet(context, LineSheet.Shape.of(status.label(), layout.columns(), teamHeaders, 2,
                layout.printed()).withTeamColumns(WORK_STATUSES));
        return sink(sheet, layout.columns(), true, item -> {
            if (!item.isOpen() || item.status() != status) {
                throw new IllegalArgumentException("item " + item.key() + " is not open on " + status.label());
            }
            synchronized (figures) { // two worklist writers
                figures.add(item);
            }
        });
    }

    /**
     * The worklists and Resolved from the store, with a second worklist writer free to start at
     * once (for callers that write nothing beside the worklists).
     */
    public void backlog(BacklogStore store, Path tempDir) {
        backlog(store, tempDir, CompletableFuture.completedFuture(null));
    }

    /**
     * The worklists and Resolved from the store: every open item (first seen on or before the run
     * date; a rerun of an earlier date does not show later items) read as a stream, spilled and
     * sorted per worklist ({@link WorklistBuffer}), then each worklist written in 2.4 order; then
     * the items resolved in the last {@link Options#resolvedDays()} days, the run date included.
     *
     * <p>This thread writes the worklists, largest first. A second writer takes the worklists still
     * waiting once {@code coreFree} completes (normally or not): the caller's work beside this
     * one (All Lines) has ended. With a small backlog this thread is done before that and the
     * second writer writes nothing, so it never takes a core from All Lines; with a large backlog
     * the worklists are most of the workbook and two writers end them sooner.
     */
    public void backlog(BacklogStore store, Path tempDir, CompletionStage<?> coreFree) {
        LocalDate runDate = context.runDate();
        try (var buffer = new WorklistBuffer(WORKLISTS, tempDir)) {
            store.forEachOpenStored(item -> {
                if (WorkbookItems.onWorklist(item, runDate)) {
                    buffer.add(item);
                }
            });
            WorklistBuffer.Sorted sorted = buffer.sorted();
            // every worklist sheet exists, in 2.4 order, even when its status has no open item
            Map<Status, Sink<WorkItem>> sheets = new EnumMap<>(Status.class);
            WORKLISTS.forEach(status -> sheets.put(status, worklist(status)));
            Queue<Status> waiting = new ConcurrentLinkedQueue<>(WORKLISTS.stream()
                    .filter(status -> sorted.count(status) > 0)
                    .sorted(Comparator.comparingInt(sorted::count).reversed())
                    .toList());
            // the second writer begins only if it wakes before this thread has taken the last worklist
            AtomicInteger second = new AtomicInteger(WAITING);
            ExecutorService other = SideThread.named("worklists-writer");
            try {
                Future<?> theirsDone = other.submit(() -> {
                    try {
                        coreFree.toCompletableFuture().handle((result, failure) -> null).get();
                    } catch (InterruptedException | ExecutionException e) {
                        return; // not needed any more, or this thread failed
                    }
                    if (second.compareAndSet(WAITING, WRITING)) {
                        write(waiting, sorted, sheets);
                    }
                });
                write(waiting, sorted, sheets);
                if (second.compareAndSet(WAITING, NOT_NEEDED)) {
                    theirsDone.cancel(true);
                } else {
                    SideThread.resultOf(theirsDone, "the worklists were written");
                }
                // completed in 2.4 order on this thread: the workbook's names and formats come out
                // in the same order whichever writer finished first
                WORKLISTS.forEach(status -> sheets.get(status).close());
            } finally {
                // on a failure here the other writer stops at its next item (interrupted)
                other.shutdownNow();
                SideThread.awaitEnd(other);
            }
        }
        // Resolved: newest first, then most recovered first
        try (var buffer = new WorklistBuffer(List.of(), tempDir)) {
            store.forEachResolvedSince(WorkbookItems.resolvedFrom(runDate, options.resolvedDays()), item -> {
                if (WorkbookItems.onResolved(item, runDate, options.resolvedDays())) {
                    buffer.add(item, -item.resolvedOn().toEpochDay(), WorklistBuffer.cents(item.recovered()), 0);
                }
            });
            resolved(buffer::forEachSorted);
        }
    }

    private static final int WAITING = 0;
    private static final int WRITING = 1;
    private static final int NOT_NEEDED = 2;

    /** Writes worklists taken from the queue until none is left (two writers share one queue). */
    private static void write(Queue<Status> waiting, WorklistBuffer.Sorted sorted, Map<Status, Sink<WorkItem>> sheets) {
        for (Status status = waiting.poll(); status != null; status = waiting.poll()) {
            sorted.forEach(status, sheets.get(status));
        }
    }

    /** Resolved: the items resolved within the window (any order given is kept). */
    public void resolved(Consumer<Consumer<WorkItem>> source) {
        ItemColumns.Layout layout = ItemColumns.resolved();
        LineSheet sheet = new LineSheet(context, LineSheet.Shape.of(RESOLVED, layout.columns(), List.of(), 0,
                layout.printed()));
        try (Sink<WorkItem> sink = sink(sheet, layout.columns(), figures::add, false)) {
            source.accept(sink);
        }
    }

    public void rejectedRows(Consumer<Consumer<RowRejection>> source) {
        RejectedRowsSheet.write(context, source);
    }

    /** The figures of the items written so far (complete once every worklist and Resolved is written). */
    public BacklogFigures figures() {
        return figures.build();
    }

    private Sink<WorkItem> sink(LineSheet sheet, List<Column<WorkItem>> columns, boolean teamExtras,
            Consumer<WorkItem> counted) {
        return sink(sheet, columns, counted, teamExtras);
    }

    /** Rows of one sheet; {@code counted} sees each row first; {@code teamExtras}: the team's columns follow. */
    private <T> Sink<T> sink(LineSheet sheet, List<Column<T>> columns, Consumer<T> counted, boolean teamExtras) {
        int width = columns.size() + (teamExtras ? teamHeaders.size() : 0);
        return new Sink<>() {
            @Override
            public void accept(T row) {
                if (counted != null) {
                    counted.accept(row);
                }
                Object[] values = new Object[width];
                for (int i = 0; i < columns.size(); i++) {
                    values[i] = columns.get(i).value().apply(row);
                }
                if (width > columns.size() && row instanceof WorkItem item) {
                    for (int i = 0; i < teamHeaders.size(); i++) {
                        values[columns.size() + i] = item.team().extra().get(teamHeaders.get(i));
                    }
                }
                sheet.write(values);
            }

            @Override
            public void close() {
                sheet.finish();
            }
        };
    }

    /**
     * Writes the Summary, then publishes the workbook ({@link WorkbookPublisher}: a temporary file
     * unique to this process, published under the final name and verified). A workbook already
     * under the final name is kept aside, never overwritten: billers may have worked in it.
     */
    public Path commit() {
        // All Lines is written beside the worklists, on another thread, and may be created after
        // them: it goes second, after the Summary, whichever came first (docs/worklists.md)
        int allLines = workbook.getSheetIndex(ALL_LINES);
        if (allLines > 1) {
            workbook.setSheetOrder(ALL_LINES, 1);
        }
        // a sheet continued while other sheets were being written goes back next to the one it continues
        for (String[] c : new ArrayList<>(context.continuations())) {
            workbook.setSheetOrder(c[0], workbook.getSheetIndex(c[1]) + 1);
        }
        SummaryWriter writer = new SummaryWriter(context, summarySheet, notes, remittanceBalances);
        writer.write(summary, figures.build());
        Path published = WorkbookPublisher.publish(finalPath, workbook::write);
        committed = true;
        return published;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void close() {
        if (!committed) {
            // an abandoned workbook: drop its streamed rows (close alone would try to flush them)
            workbook.dispose();
        }
        try {
            workbook.close();
        } catch (IOException ignored) {
            // temp files of a closed workbook; nothing to keep
        }
    }
}
