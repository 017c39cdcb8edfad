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
CREATE TABLE IF NOT EXISTS recon_line (
    job_instance_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    source_file VARCHAR(255) NOT NULL,
    source_line BIGINT NOT NULL,
    duplicate_key VARCHAR(700),
    duplicate_of BIGINT,
    claim_id VARCHAR(100) NOT NULL,
    line_number VARCHAR(50) NOT NULL,
    check_number VARCHAR(100),
    claim_status VARCHAR(10),
    payer_id VARCHAR(100) NOT NULL,
    payer_name VARCHAR(200),
    payer_claim_number VARCHAR(100),
    patient_name VARCHAR(200),
    service_date DATE NOT NULL,
    payment_date DATE,
    procedure_code VARCHAR(20) NOT NULL,
    modifiers VARCHAR(100),
    ndc VARCHAR(100),
    drug_name VARCHAR(500),
    ndc_quantity DECIMAL(19, 6),
    ndc_unit VARCHAR(10),
    units_billed DECIMAL(19, 6),
    billed DECIMAL(19, 2) NOT NULL,
    paid DECIMAL(19, 2) NOT NULL,
    reimbursed DECIMAL(19, 2) NOT NULL,
    expected DECIMAL(19, 2),
    variance DECIMAL(19, 2),
    basis VARCHAR(10),
    rate_percent DECIMAL(9, 4),
    invoice_number VARCHAR(100),
    status VARCHAR(20) NOT NULL,
    denial_codes VARCHAR(500),
    remark_codes VARCHAR(500),
    flags VARCHAR(500),
    rework_action VARCHAR(1000),
    team VARCHAR(50),
    appeal_deadline DATE,
    amount_at_stake DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (job_instance_id, seq)
);

-- Columns added after the first release: ADD COLUMN IF NOT EXISTS upgrades an existing repository in place.
ALTER TABLE recon_line ADD COLUMN IF NOT EXISTS supplier VARCHAR(200);
ALTER TABLE recon_line ADD COLUMN IF NOT EXISTS invoice_drug_name VARCHAR(500);
ALTER TABLE recon_line ADD COLUMN IF NOT EXISTS lot_number VARCHAR(100);
ALTER TABLE recon_line ADD COLUMN IF NOT EXISTS lot_expiration DATE;
ALTER TABLE recon_line ADD COLUMN IF NOT EXISTS pricing_drug_name VARCHAR(500);
ALTER TABLE recon_line ADD COLUMN IF NOT EXISTS dosage VARCHAR(200);

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
