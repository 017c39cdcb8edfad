package com.rcm.j3490.backlog;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The team's own columns of an item: Owner, Work Status, Follow-up Date, Notes, and any column
 * the team added to the workbook (header → value as text, in the workbook's order). Blank
 * values are null; an added column with a blank value is kept (its header still matters).
 */
public record TeamColumns(String owner, WorkStatus workStatus, LocalDate followUpDate, String notes,
        Map<String, String> extra) {
    public static final TeamColumns NEW = new TeamColumns(null, WorkStatus.NEW, null, null, Map.of());

    public TeamColumns {
        extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public TeamColumns withWorkStatus(WorkStatus status) {
        return new TeamColumns(owner, status, followUpDate, notes, extra);
    }
}
