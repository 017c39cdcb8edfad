package com.rcm.j3490.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small but complete input set: enough rows for many chunks, every kind of line. */
public final class TestInputs {
    private TestInputs() {
    }

    /** Target-code rows of file 1 repeated at the end of file 2 (the same remittance delivered twice). */
    public static final int REDELIVERED = 10;

    /** Writes remittance/ (two files), invoices/, contracts.csv and pricing.csv under dir. */
    public static void write(Path dir, int claimsPerFile) throws IOException {
        Files.createDirectories(dir.resolve("remittance"));
        Files.createDirectories(dir.resolve("invoices"));
        Files.writeString(dir.resolve("contracts.csv"), """
                payer_id,payer_name,basis,rate_percent,fallback_basis,fallback_rate_percent,appeal_days
                MCR,Medicare Part B,ASP,106,,,120
                BCBS,Blue Cross,INVOICE,110,ASP,106,180
                *,Default,CHARGE,50,,,90
                """);
        Files.writeString(dir.resolve("pricing.csv"), """
                ndc,payment_limit,effective_from,effective_to,billing_units_per_package,package_size,hcpcs_code
                11111-2222-01,12.50,2026-10-01,2026-12-31,10,10,J3490
                33333-4444-02,40.00,2026-10-01,2026-12-31,1,1,J9999
                """);
        Files.writeString(dir.resolve("invoices/invoices.csv"), """
                invoice_number,invoice_date,ndc,unit_cost,package_size,package_unit
                INV-1,2026-09-15,11111-2222-01,100.00,10,UN
                INV-2,2026-09-20,33333-4444-02,35.00,1,UN
                """);
        for (int file = 1; file <= 2; file++) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("remittance/era-" + file + ".csv"))) {
                w.write("claim_id,payer_id,service_date,procedure_code,billed_amount,paid_amount,check_number,"
                        + "payment_date,claim_status,line_number,modifiers,ndc,drug_name,ndc_quantity,ndc_unit,"
                        + "units_billed,adjustments,remark_codes,patient_name\n");
                for (int c = 0; c < claimsPerFile; c++) {
                    String claim = "CLM" + file + String.format("%06d", c);
                    String payer = payer(c);
                    w.write(targetRow(file, c));
                    w.write(claim + "," + payer + ",2026-11-01,96365,150.00,100.00,CHK" + file
                            + ",2026-11-20,1,2,,,,,,1,CO-45:50.00,,Patient " + c + "\n");
                    if (c % 500 == 499) {
                        w.write(claim + "," + payer + ",2026-02-30,J3490,200.00,1.00,CHK" + file
                                + ",2026-11-20,1,3,,,,,,1,,,Patient " + c + "\n");
                    }
                }
                if (file == 2) {
                    // the first claims of file 1 delivered again: duplicates, counted only
                    for (int c = 0; c < REDELIVERED; c++) {
                        w.write(targetRow(1, c));
                    }
                }
            }
        }
    }

    private static String payer(int c) {
        return switch (c % 3) {
            case 0 -> "MCR";
            case 1 -> "BCBS";
            default -> "UHC";
        };
    }

    private static String targetRow(int file, int c) {
        String claim = "CLM" + file + String.format("%06d", c);
        String ndc = c % 2 == 0 ? "11111-2222-01" : "33333-4444-02";
        int kind = c % 7;
        String paid = switch (kind) {
            case 0 -> "0";
            case 1 -> "55.00";
            default -> "120.00";
        };
        String adjustments = switch (kind) {
            case 0 -> "CO-16:200.00";
            case 1 -> "CO-45:145.00";
            case 2 -> "CO-45:60.00;PR-2:20.00";
            default -> "CO-45:80.00";
        };
        String remark = kind == 0 ? "M119" : "";
        return claim + "," + payer(c) + ",2026-11-0" + (1 + c % 9) + ",J3490,200.00," + paid + ",CHK" + file
                + ",2026-11-20,1,1,JZ," + ndc + ",Test drug " + (c % 5) + ",10,UN,1," + adjustments + "," + remark
                + ",Patient " + c + "\n";
    }
}
