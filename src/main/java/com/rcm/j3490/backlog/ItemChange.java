package com.rcm.j3490.backlog;

/** What one payer line or one row of team columns did to an item; the night's counts add these up. */
public enum ItemChange {
    /** a PAID_OK line for a claim line without an item, or a team row for an unknown item */
    NO_ITEM,
    /** nothing changed (e.g. the team's columns as they already were) */
    UNCHANGED,
    OPENED,
    /** an open item took the payer's latest line */
    UPDATED,
    /** a PAID_OK line resolved it (Paid by payer) */
    RESOLVED_BY_PAYER,
    /** the team set Closed, Written off or Refund sent */
    RESOLVED_BY_TEAM,
    /** a resolved item is open again: a later payer line, or the team took its resolution back */
    REOPENED,
    /** only the team's columns changed */
    TEAM_EDITED,
    /** a line for an item that a later run date already changed: the later word stands (rerun of an earlier date) */
    SKIPPED_LATER_CHANGE
}
