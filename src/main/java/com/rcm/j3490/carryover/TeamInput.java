package com.rcm.j3490.carryover;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.backlog.ItemKey;
import com.rcm.j3490.backlog.TeamColumns;
import com.rcm.j3490.backlog.WorkStatus;
import com.rcm.j3490.input.FieldParser;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.workbook.ItemColumns;
import com.rcm.j3490.workbook.LineColumns;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team's columns (Owner, Work Status, Follow-up Date, Notes, and any column the team added)
 * read back from the newest earlier workbook into the work items (contract 6.3), through a
 * {@link BacklogStore.Night} before the night's lines. The store keeps the last values read, so
 * a workbook that is later lost, renamed or unreadable loses nothing: a workbook is read only when
 * it is newer than the one an earlier night read; otherwise the items already hold its values.
 * Closed, Written off and Refund sent resolve an item (the store's lifecycle decides).
 *
 * <p>Rows are streamed from the workbook to the night (which applies them in chunks); nothing of
 * the workbook is held in memory. See docs/worklists.md, "The team's columns".
 */
public final class TeamInput {
    private static final Logger log = LoggerFactory.getLogger(TeamInput.class);
    private static final Pattern WORKBOOK = Pattern.compile("^j3490-worklist-(\\d{4}-\\d{2}-\\d{2})\\.xlsx$");
    /** Work Status texts of earlier versions of the workbook, and what they mean now. */
    private static final Map<String, WorkStatus> LEGACY = Map.of("paid", WorkStatus.CLOSED);

    /**
     * What was read, in plain words for the Summary: {@code facts} (which workbook, how many rows)
     * and {@code warnings} (unreadable workbooks, skipped sheets, values that are no choice).
     */
    public record Outcome(Optional<LocalDate> workbookDate, long rows, List<String> addedHeaders, List<String> facts,
            List<String> warnings) {
    }

    private TeamInput() {
    }

    /**
     * Reads the newest {@code j3490-worklist-<date>.xlsx} in {@code dir} dated on or before
     * {@code runDate} (the same date only when a date is run again) into {@code night}, unless an
     * earlier night already read it or a newer one ({@code alreadyRead}). An unreadable workbook is
     * reported and the next earlier one tried. Never throws for a workbook's content; never writes
     * to the files it reads.
     */
    public static Outcome read(Path dir, LocalDate runDate, Optional<LocalDate> alreadyRead, BacklogStore.Night night) {
        List<String> facts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            facts.add("No earlier workbook (folder " + dir + " not found): the team's columns are those kept with "
                    + "the items.");
            return new Outcome(Optional.empty(), 0, List.of(), facts, warnings);
        }
        List<Map.Entry<LocalDate, Path>> candidates;
        try {
            candidates = candidates(dir, runDate);
        } catch (IOException e) {
            log.warn("Team columns: cannot list {}: {}", dir, e.getMessage());
            warnings.add("Cannot list " + dir + " for an earlier workbook: " + e.getMessage()
                    + ". The team's columns are those kept with the items.");
            return new Outcome(Optional.empty(), 0, List.of(), facts, warnings);
        }
        for (Map.Entry<LocalDate, Path> candidate : candidates) {
            LocalDate date = candidate.getKey();
            Path file = candidate.getValue();
            if (alreadyRead.isPresent() && !date.isAfter(alreadyRead.get())) {
                facts.add("The newest earlier workbook, " + file.getFileName() + ", was read on an earlier night: "
                        + "the items hold its Owner, Work Status, Follow-up Date and Notes.");
                return new Outcome(Optional.empty(), 0, List.of(), facts, warnings);
            }
            Reading reading = new Reading(date, night);
            try {
                PreviousWorkbook.Outcome outcome = PreviousWorkbook.read(file, reading::header, reading::row);
                for (String problem : outcome.problems()) {
                    log.warn("Team columns: {}, {}", file.getFileName(), problem);
                    warnings.add(file.getFileName() + ", " + problem + ".");
                }
                warnings.addAll(reading.warnings());
                facts.add("The team's columns were read from " + file.getFileName() + ": " + reading.rows
                        + " row(s) of " + outcome.sheetsRead().size() + " worklist sheet(s)"
                        + (reading.added.isEmpty() ? "." : "; columns the team added: " + String.join(", ",
                                reading.added) + " (kept after the job's columns)."));
                log.info("Team columns: {} row(s) read from {}", reading.rows, file.getFileName());
                return new Outcome(Optional.of(date), reading.rows, List.copyOf(reading.added), facts, warnings);
            } catch (PreviousWorkbook.Unreadable e) {
                log.warn("Team columns: skipped {}: {}", file, e.getMessage());
                warnings.add(file.getFileName() + " could not be read and was skipped (it is left as it was): "
                        + e.getMessage() + ". The items keep the team's columns of earlier nights.");
            }
        }
        if (candidates.isEmpty()) {
            facts.add("No earlier workbook in " + dir + ": the team's columns are those kept with the items.");
        }
        return new Outcome(Optional.empty(), 0, List.of(), facts, warnings);
    }

    /** Workbooks dated on or before the run date, newest first. */
    private static List<Map.Entry<LocalDate, Path>> candidates(Path dir, LocalDate runDate) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> {
                Matcher m = WORKBOOK.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) {
                    return null;
                }
                try {
                    LocalDate date = LocalDate.parse(m.group(1));
                    return date.isAfter(runDate) ? null : Map.entry(date, p);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }).filter(e -> e != null)
                    .sorted(Map.Entry.<LocalDate, Path>comparingByKey().reversed())
                    .toList();
        }
    }

    /** One workbook's rows into the night. */
    private static final class Reading {
        private final LocalDate date;
        private final BacklogStore.Night night;
        private final Set<String> known = ItemColumns.jobHeaders();
        private final List<String> added = new ArrayList<>();
        private List<String> sheetExtras = List.of();
        private long rows;
        private long unknownStatus;
        private long badDates;

        Reading(LocalDate date, BacklogStore.Night night) {
            this.date = date;
            this.night = night;
        }

        void header(PreviousWorkbook.Header header) {
            sheetExtras = header.headers().stream().filter(h -> !known.contains(h)).toList();
            List<String> fresh = sheetExtras.stream().filter(h -> !added.contains(h)).toList();
            added.addAll(fresh);
            night.teamWorkbook(date, fresh);
        }

        void row(PreviousWorkbook.Row row) {
            String claimId = row.get(LineColumns.CLAIM_ID);
            String line = row.get(LineColumns.LINE);
            String payerId = row.get(LineColumns.PAYER_ID);
            if (claimId == null || line == null || payerId == null) {
                return; // a total or note a biller typed under the rows: no claim line
            }
            String statusText = row.get(LineColumns.WORK_STATUS);
            WorkStatus status = null;
            if (statusText != null) {
                status = WorkStatus.parse(statusText)
                        .or(() -> Optional.ofNullable(LEGACY.get(statusText.strip().toLowerCase(Locale.ROOT))))
                        .orElse(null);
                if (status == null) {
                    unknownStatus++;
                }
            }
            LocalDate followUp = null;
            String followUpText = row.get(LineColumns.FOLLOW_UP_DATE);
            if (followUpText != null) {
                try {
                    followUp = FieldParser.date(LineColumns.FOLLOW_UP_DATE, followUpText.strip());
                } catch (RowRejectedException e) {
                    badDates++;
                }
            }
            Map<String, String> extra = new LinkedHashMap<>();
            for (String header : sheetExtras) {
                String value = row.get(header);
                if (value != null) {
                    extra.put(header, value);
                }
            }
            night.team(new ItemKey(payerId, claimId, line), new TeamColumns(blankToNull(row.get(LineColumns.OWNER)),
                    status, followUp, blankToNull(row.get(LineColumns.NOTES)), extra));
            rows++;
        }

        List<String> warnings() {
            List<String> w = new ArrayList<>();
            if (unknownStatus > 0) {
                w.add(unknownStatus + " row(s) had a Work Status that is not one of the choices ("
                        + String.join(", ", WorklistWorkbookWriter.WORK_STATUSES) + "); it was left empty.");
            }
            if (badDates > 0) {
                w.add(badDates + " row(s) had a Follow-up Date that is not a date; it was left empty.");
            }
            return w;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
