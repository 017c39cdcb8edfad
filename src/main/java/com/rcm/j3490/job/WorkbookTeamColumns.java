package com.rcm.j3490.job;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.backlog.TeamColumnsSource;
import com.rcm.j3490.carryover.TeamInput;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The team's columns read back from the newest earlier workbook in a folder ({@link TeamInput}),
 * for the applyBacklog step. What was read goes to the job's execution context, for the Summary
 * (file names and counts only, no patient data), so a restarted workbook step still shows it.
 */
final class WorkbookTeamColumns implements TeamColumnsSource {
    static final String FACTS = "teamColumns.facts";
    static final String WARNINGS = "teamColumns.warnings";
    /** Joins notes in the execution context (a character that is in no file name or count). */
    private static final String SEPARATOR = "\u001E";

    private final Path dir;
    private final BacklogStore store;
    private final ExecutionContext jobContext;

    WorkbookTeamColumns(Path dir, BacklogStore store, ExecutionContext jobContext) {
        this.dir = dir;
        this.store = store;
        this.jobContext = jobContext;
    }

    @Override
    public void feed(BacklogStore.Night night) {
        TeamInput.Outcome outcome = TeamInput.read(dir, night.runDate(), store.lastTeamWorkbookDate(), night);
        jobContext.putString(FACTS, String.join(SEPARATOR, outcome.facts()));
        jobContext.putString(WARNINGS, String.join(SEPARATOR, outcome.warnings()));
    }

    static List<String> notes(ExecutionContext jobContext, String key) {
        String joined = jobContext.containsKey(key) ? jobContext.getString(key) : "";
        return joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }
}
