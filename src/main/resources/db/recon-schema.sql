-- Staging tables of the J3490 reconciliation job. Portable SQL (H2 2.x and PostgreSQL 12+),
-- run at every start: every statement is idempotent.

-- Input files of a run (one job instance = one runDate), decided once by the first step.
CREATE TABLE IF NOT EXISTS recon_run_file (
    job_instance_id BIGINT NOT NULL,
    file_kind VARCHAR(30) NOT NULL,
    file_order INT NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    file_path VARCHAR(2000) NOT NULL,
    checksum VARCHAR(64),
    skipped_reason VARCHAR(500),
    rows_read BIGINT DEFAULT 0 NOT NULL,
    other_code_rows BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (job_instance_id, file_kind, file_order)
);

-- One row per target-code remittance line; seq is the row's ordinal in the run, stable on restart.
-- line_data is the whole reconciled line in the job's compact binary form (reconcile.LineCodec):
-- the workbook is written from it; claim_id and status are kept as columns for counts and support
-- queries.
CREATE TABLE IF NOT EXISTS recon_line (
    job_instance_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    source_file VARCHAR(255) NOT NULL,
    source_line BIGINT NOT NULL,
    duplicate_key VARCHAR(700),
    duplicate_of BIGINT,
    claim_id VARCHAR(100) NOT NULL,
    status VARCHAR(20) NOT NULL,
    line_data BYTEA,
    PRIMARY KEY (job_instance_id, seq)
);

-- Upgrade of a repository from before line_data (one typed column per field): those columns go.
-- Lines such a version staged have no line_data; the workbook step then asks for a rerun.
ALTER TABLE recon_line ADD COLUMN IF NOT EXISTS line_data BYTEA;
ALTER TABLE recon_line DROP COLUMN IF EXISTS line_number;
ALTER TABLE recon_line DROP COLUMN IF EXISTS check_number;
ALTER TABLE recon_line DROP COLUMN IF EXISTS claim_status;
ALTER TABLE recon_line DROP COLUMN IF EXISTS payer_id;
ALTER TABLE recon_line DROP COLUMN IF EXISTS payer_name;
ALTER TABLE recon_line DROP COLUMN IF EXISTS payer_claim_number;
ALTER TABLE recon_line DROP COLUMN IF EXISTS patient_name;
ALTER TABLE recon_line DROP COLUMN IF EXISTS service_date;
ALTER TABLE recon_line DROP COLUMN IF EXISTS payment_date;
ALTER TABLE recon_line DROP COLUMN IF EXISTS procedure_code;
ALTER TABLE recon_line DROP COLUMN IF EXISTS modifiers;
ALTER TABLE recon_line DROP COLUMN IF EXISTS ndc;
ALTER TABLE recon_line DROP COLUMN IF EXISTS drug_name;
ALTER TABLE recon_line DROP COLUMN IF EXISTS ndc_quantity;
ALTER TABLE recon_line DROP COLUMN IF EXISTS ndc_unit;
ALTER TABLE recon_line DROP COLUMN IF EXISTS units_billed;
ALTER TABLE recon_line DROP COLUMN IF EXISTS billed;
ALTER TABLE recon_line DROP COLUMN IF EXISTS paid;
ALTER TABLE recon_line DROP COLUMN IF EXISTS reimbursed;
ALTER TABLE recon_line DROP COLUMN IF EXISTS expected;
ALTER TABLE recon_line DROP COLUMN IF EXISTS variance;
ALTER TABLE recon_line DROP COLUMN IF EXISTS basis;
ALTER TABLE recon_line DROP COLUMN IF EXISTS rate_percent;
ALTER TABLE recon_line DROP COLUMN IF EXISTS invoice_number;
ALTER TABLE recon_line DROP COLUMN IF EXISTS denial_codes;
ALTER TABLE recon_line DROP COLUMN IF EXISTS remark_codes;
ALTER TABLE recon_line DROP COLUMN IF EXISTS flags;
ALTER TABLE recon_line DROP COLUMN IF EXISTS rework_action;
ALTER TABLE recon_line DROP COLUMN IF EXISTS team;
ALTER TABLE recon_line DROP COLUMN IF EXISTS appeal_deadline;
ALTER TABLE recon_line DROP COLUMN IF EXISTS amount_at_stake;
ALTER TABLE recon_line DROP COLUMN IF EXISTS supplier;
ALTER TABLE recon_line DROP COLUMN IF EXISTS invoice_drug_name;
ALTER TABLE recon_line DROP COLUMN IF EXISTS lot_number;
ALTER TABLE recon_line DROP COLUMN IF EXISTS lot_expiration;
ALTER TABLE recon_line DROP COLUMN IF EXISTS pricing_drug_name;
ALTER TABLE recon_line DROP COLUMN IF EXISTS dosage;

-- per remittance file: target-code lines staged (duplicates included) and duplicates, counted in
-- each chunk's transaction, so the Summary needs no scan of recon_line
ALTER TABLE recon_run_file ADD COLUMN IF NOT EXISTS target_lines BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE recon_run_file ADD COLUMN IF NOT EXISTS duplicate_lines BIGINT DEFAULT 0 NOT NULL;

-- recon_line has no secondary index on purpose: its primary key grows in insertion order, so each
-- chunk's commit rewrites only the last pages. An index on a random key (the duplicate key) or on
-- the worklist order would make every commit rewrite hundreds of scattered pages. The first line of
-- each duplicate key is kept in memory by the reconcile step (rebuilt from this table on restart),
-- and worklists are sorted when the workbook is written.

-- Every rejected input row of a run (reference files and remittances).
CREATE TABLE IF NOT EXISTS recon_rejected_row (
    job_instance_id BIGINT NOT NULL,
    file_kind VARCHAR(30) NOT NULL,
    file_order INT NOT NULL,
    line_no BIGINT NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    raw_row VARCHAR(32000),
    PRIMARY KEY (job_instance_id, file_kind, file_order, line_no)
);

-- Content checksums of remittance files reconciled by completed runs (a redelivered file is skipped).
CREATE TABLE IF NOT EXISTS recon_reconciled_file (
    checksum VARCHAR(64) NOT NULL PRIMARY KEY,
    file_name VARCHAR(255) NOT NULL,
    run_date DATE NOT NULL,
    job_instance_id BIGINT NOT NULL,
    completed_at TIMESTAMP NOT NULL
);

-- The payment (payer and check number) of a staged line, as 64 bits of a hash: the first part of
-- the key of recon_line_key (NULL for lines staged by a version before it).
ALTER TABLE recon_line ADD COLUMN IF NOT EXISTS check_key BIGINT;

-- Duplicate keys (contract 2.7) of the lines a run reconciled (duplicates excluded), so that a
-- remittance re-sent later, even re-saved with other line ends, is not reconciled again: the
-- first 128 bits of the line's key (SHA-256 of the fields of 2.7) as two numbers, under the
-- check's 64 bits. Written by the reconcile step in each chunk's transaction, beside the lines
-- (so a restart finds exactly the keys of the chunks committed); they count for later runs only
-- once the run is recorded in recon_reconciled_run, at its completion. Keyed by check first: a
-- night looks up its checks, one probe each, and reads the keys of a check only when an earlier
-- run paid it. Numbers, not the key's text: a third of the size, and compared without decoding.
-- No primary key: a run's keys are unique by construction (a repeat within the run is a duplicate
-- and not written), and a unique index costs a second walk down the tree for every insert (most
-- of the reconcile step's index time at a million lines). Rows are appended; the check index
-- gains a few leaf pages' worth per chunk, the run index appends.
-- (A repository from before 2026-12-04 has its keys in recon_reconciled_key, copied when a run
-- completed; ReconRepository.upgradeEarlierKeys moves them here once.)
CREATE TABLE IF NOT EXISTS recon_line_key (
    check_key BIGINT NOT NULL,
    key_high BIGINT NOT NULL,
    key_low BIGINT NOT NULL,
    job_instance_id BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS recon_line_key_check ON recon_line_key (check_key);
-- for retention, which deletes a pruned run's keys
CREATE INDEX IF NOT EXISTS recon_line_key_instance ON recon_line_key (job_instance_id);

-- The runs whose keys count (completed runs), one row each; a rerun of a date replaces the row of
-- the date's earlier run, whose keys then no longer count (retention deletes them).
CREATE TABLE IF NOT EXISTS recon_reconciled_run (
    job_instance_id BIGINT NOT NULL PRIMARY KEY,
    run_date DATE NOT NULL
);
CREATE INDEX IF NOT EXISTS recon_reconciled_run_date ON recon_reconciled_run (run_date);

-- What the run's X12 835s say outside their service lines (contract 5.2), carried from the
-- reconcile step to the Summary: balancing per transaction set, the claims that do not balance,
-- claim-level CAS, PLB, and the claim lines no 835 line joined (5.3). entry_no is the reading
-- order; a restart deletes the run's rows and its replay of the files writes them again.
CREATE TABLE IF NOT EXISTS recon_x12_transaction (
    job_instance_id BIGINT NOT NULL,
    entry_no BIGINT NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    st_position BIGINT NOT NULL,
    check_number VARCHAR(80),
    payer_id VARCHAR(80),
    payer_name VARCHAR(200),
    payment_amount DECIMAL(24, 6) NOT NULL,
    claim_paid_total DECIMAL(24, 6) NOT NULL,
    plb_total DECIMAL(24, 6) NOT NULL,
    claims INT NOT NULL,
    service_lines INT NOT NULL,
    unbalanced_lines INT NOT NULL,
    PRIMARY KEY (job_instance_id, entry_no)
);

CREATE TABLE IF NOT EXISTS recon_x12_unbalanced_claim (
    job_instance_id BIGINT NOT NULL,
    entry_no BIGINT NOT NULL,
    claim_no INT NOT NULL,
    claim_id VARCHAR(100),
    charge DECIMAL(24, 6) NOT NULL,
    paid DECIMAL(24, 6) NOT NULL,
    adjustments DECIMAL(24, 6) NOT NULL,
    PRIMARY KEY (job_instance_id, entry_no, claim_no)
);

CREATE TABLE IF NOT EXISTS recon_x12_claim_adjustment (
    job_instance_id BIGINT NOT NULL,
    entry_no BIGINT NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    check_number VARCHAR(80),
    payer_id VARCHAR(80),
    claim_id VARCHAR(100),
    group_code VARCHAR(10),
    reason VARCHAR(10) NOT NULL,
    amount DECIMAL(24, 6) NOT NULL,
    quantity DECIMAL(24, 6),
    PRIMARY KEY (job_instance_id, entry_no)
);

CREATE TABLE IF NOT EXISTS recon_x12_provider_adjustment (
    job_instance_id BIGINT NOT NULL,
    entry_no BIGINT NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    check_number VARCHAR(80),
    payer_id VARCHAR(80),
    provider_id VARCHAR(80),
    fiscal_date VARCHAR(20),
    reason VARCHAR(10) NOT NULL,
    reference VARCHAR(200),
    amount DECIMAL(24, 6) NOT NULL,
    PRIMARY KEY (job_instance_id, entry_no)
);

CREATE TABLE IF NOT EXISTS recon_x12_claims (
    job_instance_id BIGINT NOT NULL PRIMARY KEY,
    claim_lines BIGINT NOT NULL,
    unjoined_lines BIGINT NOT NULL
);

-- The provider's claims (contract 5.3), staged by the first step so the 835 join does not hold the
-- night's claims in memory (reconcile.StagedClaims): one row per sending of a claim, in reading order,
-- with its target-code lines in one value (StagedClaims' binary form; NULL when it has none: a later
-- version without target lines removes the claim). The version rule (latest BHT stamp, ties the later
-- sending) is applied when a claim is looked up, by claim id per batch of 835 lines. sending is the
-- reading order: the claim file's position << 32 | the sending's position in its file (files are
-- staged on several threads). first_line numbers the target lines from 0 in each file; with the
-- file's first line (recon_x12_claim_file) it is the line's number in the run, 0 to staged_lines - 1:
-- the joined-line bookkeeping is one bit per line.
CREATE TABLE IF NOT EXISTS recon_x12_claim_sending (
    job_instance_id BIGINT NOT NULL,
    sending BIGINT NOT NULL,
    claim_id VARCHAR(1000) NOT NULL,
    bht_stamp VARCHAR(100) NOT NULL,
    first_line BIGINT NOT NULL,
    ambiguous BOOLEAN NOT NULL,
    lines_data BYTEA,
    PRIMARY KEY (job_instance_id, sending)
);
-- claim_id first: H2 turns "claim_id IN (...)" into index lookups only on an index's first column
-- (with job_instance_id first, every lookup scanned the run's rows).
CREATE INDEX IF NOT EXISTS recon_x12_claim_sending_by_claim ON recon_x12_claim_sending (claim_id, job_instance_id);

-- Written when a run's claims are staged completely, per claim file (file_order, the run's order):
-- the number of its first target line in the run (the lines of the files before it).
CREATE TABLE IF NOT EXISTS recon_x12_claim_file (
    job_instance_id BIGINT NOT NULL,
    file_order INT NOT NULL,
    first_line BIGINT NOT NULL,
    PRIMARY KEY (job_instance_id, file_order)
);

-- Written when a run's claims are staged completely: target lines staged (of any version) and
-- target-code lines of latest versions (the Summary's "claim lines").
CREATE TABLE IF NOT EXISTS recon_x12_claim_stage (
    job_instance_id BIGINT NOT NULL PRIMARY KEY,
    staged_lines BIGINT NOT NULL,
    claim_lines BIGINT NOT NULL
);
