package com.rcm.j3490.backlog;

/**
 * Where a night's team columns come from (contract 6.3): the newest earlier workbook, read back.
 * The job calls it once per run, before the night's lines, with the night being applied; an
 * implementation calls {@link BacklogStore.Night#teamWorkbook} once (the workbook's run date and
 * the headers the team added) and then {@link BacklogStore.Night#team} for each row it read. It
 * does nothing when there is no earlier workbook (or none newer than
 * {@link BacklogStore#lastTeamWorkbookDate()}: an older workbook is never read over newer values).
 */
@FunctionalInterface
public interface TeamColumnsSource {
    /** No workbook is read: the items keep the team columns the database has. */
    TeamColumnsSource NONE = night -> {
    };

    void feed(BacklogStore.Night night);
}
