package com.rcm.j3490.rules;

import java.time.LocalDate;

/**
 * What the reference files say about the drug of a line, carried to the worklists so a biller
 * can answer a payer's questions: the invoice that priced the line (supplier, drug, lot,
 * expiration) and the pricing row in effect on the service date (drug name, dosage).
 */
public record DrugSource(String supplier, String invoiceDrugName, String lotNumber, LocalDate expirationDate,
        String pricingDrugName, String dosage) {

    public static final DrugSource NONE = new DrugSource(null, null, null, null, null, null);

    static DrugSource of(InvoiceLine invoice, PricingRow pricing) {
        if (invoice == null && pricing == null) {
            return NONE;
        }
        return new DrugSource(
                invoice == null ? null : invoice.supplier(),
                invoice == null ? null : invoice.drugName(),
                invoice == null ? null : invoice.lotNumber(),
                invoice == null ? null : invoice.expirationDate(),
                pricing == null ? null : pricing.drugName(),
                pricing == null ? null : pricing.dosage());
    }
}
