package com.rcm.j3490.job;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.carryover.TeamInput;
import com.rcm.j3490.reconcile.ReconRepository;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Applies one run date to the work items (contract 6.1, 6.3): the team's columns read back from
 * the newest earlier workbook first, then the night's lines in input order. The team input's
 * facts and warnings go to the job's execution context for the Summary (file names and counts
 * only, no patient data), so a restart of the workbook step still shows them.
 */
public final class ApplyBacklog {
    public static final String TEAM_FACTS = "teamInputFacts";
    public static final String TEAM_WARNINGS = "teamInputWarnings";
    /** Joins notes in the execution context (a character that is in no file name or count). */
    static final String SEPARATOR = "\u001E";

    private ApplyBacklog() {
    }

    public static BacklogStore.NightResult apply(BacklogStore store, ReconRepository repository, long instanceId,
            LocalDate runDate, Path teamDir, ExecutionContext jobContext) {
        try (BacklogStore.Night night = store.night(runDate)) {
            TeamInput.Outcome team = TeamInput.read(teamDir, runDate, store.lastTeamWorkbookDate(), night);
            jobContext.putString(TEAM_FACTS, String.join(SEPARATOR, team.facts()));
            jobContext.putString(TEAM_WARNINGS, String.join(SEPARATOR, team.warnings()));
            repository.forEachLine(instanceId, night::line);
            return night.finish();
        }
    }

    static java.util.List<String> notes(ExecutionContext jobContext, String key) {
        String joined = jobContext.containsKey(key) ? jobContext.getString(key) : "";
        return joined.isEmpty() ? java.util.List.of() : java.util.List.of(joined.split(SEPARATOR));
    }
}
