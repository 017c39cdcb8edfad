package com.rcm.j3490.backlog;

import com.rcm.j3490.reconcile.LineCodec;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A work item as the store holds it: every field of {@link WorkItem}, its line still in
 * {@link LineCodec}'s form. The worklists filter, sort and spill half a million of these a night;
 * decoding each line to encode it again for the spill was a sixth of their time, so the line is
 * decoded once, when its row is written to the sheet ({@link #item()}).
 */
public record StoredItem(
        ItemKey key,
        LocalDate firstSeen,
        Status openingStatus,
        BigDecimal openingBaseline,
        byte[] lineData,
        TeamColumns team,
        String lastPayerAction,
        LocalDate lastPayerActionOn,
        LocalDate resolvedOn,
        Resolution resolution,
        BigDecimal recovered) {

    public static StoredItem of(WorkItem i) {
        return new StoredItem(i.key(), i.firstSeen(), i.openingStatus(), i.openingBaseline(), LineCodec.encode(i.line()),
                i.team(), i.lastPayerAction(), i.lastPayerActionOn(), i.resolvedOn(), i.resolution(), i.recovered());
    }

    public boolean isOpen() {
        return resolution == null;
    }

    /** The status, amount at stake and appeal deadline of the line, read without decoding the rest. */
    public LineCodec.Standing standing() {
        return LineCodec.standing(lineData);
    }

    public WorkItem item() {
        return new WorkItem(key, firstSeen, openingStatus, openingBaseline, LineCodec.decode(lineData), team,
                lastPayerAction, lastPayerActionOn, resolvedOn, resolution, recovered);
    }
}
