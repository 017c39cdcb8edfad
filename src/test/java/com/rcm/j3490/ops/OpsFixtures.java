package com.rcm.j3490.ops;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Small, exact input sets for the operations tests: reference files and remittance files. */
public final class OpsFixtures {
    static final String REMITTANCE_HEADER = "claim_id,payer_id,payer_name,check_number,payment_date,claim_status,"
            + "line_number,service_date,procedure_code,ndc,units_billed,billed_amount,paid_amount,adjustments,"
            + "patient_name";
    private static final String[] NDCS = {"00002-7510-01", "00069-0150-01", "00409-4888-01", "63323-0262-01"};

    private OpsFixtures() {
    }

    /** Contracts, pricing and invoices under {@code dir}: contracts.csv, pricing.csv, invoices/. */
    public static void reference(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("invoices"));
        Files.writeString(dir.resolve("contracts.csv"), """
                payer_id,payer_name,basis,rate_percent,fallback_basis,fallback_rate_percent,appeal_days
                P1,Payer One,ASP,106,,,180
                P2,Payer Two,INVOICE,110,ASP,106,90
                *,Any other payer,CHARGE,80,,,120
                """, StandardCharsets.UTF_8);
        StringBuilder pricing = new StringBuilder("ndc,payment_limit,effective_from,billing_units_per_package,"
                + "package_size,hcpcs_code\n");
        StringBuilder invoices = new StringBuilder("invoice_number,invoice_date,ndc,unit_cost,package_size\n");
        for (int i = 0; i < NDCS.length; i++) {
            pricing.append(NDCS[i]).append(',').append(20 + 7 * i).append(".50,2025-01-01,1,1,J3490\n");
            invoices.append("INV-").append(i).append(",2026-01-15,").append(NDCS[i]).append(',').append(18 + 5 * i)
                    .append(".00,1\n");
        }
        Files.writeString(dir.resolve("pricing.csv"), pricing, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("invoices").resolve("invoices.csv"), invoices, StandardCharsets.UTF_8);
    }

    /**
     * A remittance file of {@code rows} rows of claims {@code <prefix>00001...}; the rows whose
     * 1-based number is in {@code malformed} carry an impossible service date and are rejected.
     * Every 7th row is of another procedure code; patient names are "PATIENT-<claim>".
     */
    public static Path remittance(Path file, String claimPrefix, int rows, Set<Integer> malformed) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(REMITTANCE_HEADER + "\n");
            for (int i = 1; i <= rows; i++) {
                String claim = String.format(Locale.ROOT, "%s%05d", claimPrefix, i);
                String payer = i % 3 == 0 ? "P1" : i % 3 == 1 ? "P2" : "P9";
                String code = i % 7 == 0 ? "96413" : "J3490";
                String dos = malformed.contains(i) ? "2026-13-45" : String.format(Locale.ROOT, "2026-03-%02d", 1 + i % 28);
                int billed = 100 + (i * 37) % 900;
                String paid = String.format(Locale.ROOT, "%d.%02d", (i * 13) % 400, i % 100);
                w.write(String.join(",", claim, payer, "Payer " + payer, "CHK" + (i % 20), "2026-04-01", "1", "1", dos,
                        code, NDCS[i % NDCS.length], "1", billed + ".00", paid, "CO-45:" + (i % 50) + ".00",
                        "PATIENT-" + claim) + "\n");
            }
        }
        return file;
    }
}
