-- Work items of the J3490 job (contract section 6): the backlog of claim lines that were ever
-- actionable. Portable SQL (H2 2.x and PostgreSQL 12+), run at every start: every statement is
-- idempotent. See backlog.BacklogStore for how a night is applied once.

-- One row per claim line (payer + claim + line number, as written). The primary key starts with
-- claim_id because a night's lines are looked up by claim_id IN (...), which both databases
-- answer from this index. line_data is the payer's latest line in the job's compact binary form
-- (LineCodec); status, amount_at_stake and is_open repeat what the workbook and SQL need.
-- changed_on / opened_on_change / undo_data make a night's apply repeatable: undo_data is the
-- item as it was before the night changed_on changed it (opened_on_change: that night opened it).
CREATE TABLE IF NOT EXISTS backlog_item (
    claim_id VARCHAR(100) NOT NULL,
    line_number VARCHAR(100) NOT NULL,
    payer_id VARCHAR(100) NOT NULL,
    first_seen DATE NOT NULL,
    opening_status VARCHAR(20) NOT NULL,
    opening_baseline NUMERIC(19, 2) NOT NULL,
    status VARCHAR(20) NOT NULL,
    amount_at_stake NUMERIC(19, 2),
    is_open BOOLEAN NOT NULL,
    owner VARCHAR(500),
    work_status VARCHAR(30),
    follow_up_date DATE,
    notes VARCHAR(32000),
    team_extra BYTEA,
    last_payer_action VARCHAR(1000),
    last_payer_action_on DATE,
    resolved_on DATE,
    resolution VARCHAR(20),
    recovered NUMERIC(19, 2),
    line_data BYTEA NOT NULL,
    changed_on DATE NOT NULL,
    opened_on_change BOOLEAN NOT NULL,
    undo_data BYTEA,
    PRIMARY KEY (claim_id, line_number, payer_id)
);

-- The columns the team added to the worklists (any header the job did not write), in order.
CREATE TABLE IF NOT EXISTS backlog_team_column (
    column_order INT NOT NULL PRIMARY KEY,
    name VARCHAR(500) NOT NULL
);

-- One row per run date whose changes were applied (or started): a restart or rerun of that date
-- first undoes what the earlier attempt changed. team_workbook_date is the run date of the
-- workbook whose team columns were read, so an older workbook is never read over newer values.
CREATE TABLE IF NOT EXISTS backlog_run (
    run_date DATE NOT NULL PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    team_workbook_date DATE,
    lines_applied BIGINT DEFAULT 0 NOT NULL,
    opened BIGINT DEFAULT 0 NOT NULL,
    updated BIGINT DEFAULT 0 NOT NULL,
    resolved BIGINT DEFAULT 0 NOT NULL,
    reopened BIGINT DEFAULT 0 NOT NULL,
    skipped BIGINT DEFAULT 0 NOT NULL,
    recovered NUMERIC(19, 2) DEFAULT 0 NOT NULL
);
