package com.rcm.j3490.reference;

import static com.rcm.j3490.input.Columns.*;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.FieldParser;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.InvoiceLine;
import com.rcm.j3490.rules.Ndc;
import com.rcm.j3490.rules.NdcNormalizer;
import com.rcm.j3490.rules.PayerContract;
import com.rcm.j3490.rules.PricingRow;
import java.math.BigDecimal;
import java.util.Locale;

/** Parsers for the three reference files: invoices, pricing, payer contracts. */
final class ReferenceRowParsers {
    private ReferenceRowParsers() {
    }

    static InvoiceLine invoice(CsvRecord r) {
        CsvRecordReader.checkWidth(r);
        String claimId = r.get(CLAIM_ID);
        String ndcText = r.get(NDC);
        Ndc ndc = null;
        if (ndcText != null) {
            ndc = unambiguousNdc(ndcText);
        } else if (claimId == null) {
            throw new RowRejectedException("missing required value ndc (required unless claim_id is set)");
        }
        return new InvoiceLine(
                r.require(INVOICE_NUMBER),
                FieldParser.requiredDate(INVOICE_DATE, r.get(INVOICE_DATE)),
                ndc,
                FieldParser.requiredAmount(UNIT_COST, r.get(UNIT_COST)),
                orOne(FieldParser.positiveQuantity(PACKAGE_SIZE, r.get(PACKAGE_SIZE))),
                r.get(PACKAGE_UNIT) == null ? "UN" : r.get(PACKAGE_UNIT).toUpperCase(Locale.ROOT),
                FieldParser.number(QUANTITY, r.get(QUANTITY)),
                r.get(SUPPLIER),
                r.get(DRUG_NAME),
                r.get(LOT_NUMBER),
                FieldParser.date(EXPIRATION_DATE, r.get(EXPIRATION_DATE)),
                claimId);
    }

    static PricingRow pricing(CsvRecord r) {
        CsvRecordReader.checkWidth(r);
        Ndc ndc = unambiguousNdc(r.require(NDC));
        PricingRow row = new PricingRow(
                ndc,
                FieldParser.requiredAmount(PAYMENT_LIMIT, r.get(PAYMENT_LIMIT)),
                FieldParser.requiredDate(EFFECTIVE_FROM, r.get(EFFECTIVE_FROM)),
                FieldParser.date(EFFECTIVE_TO, r.get(EFFECTIVE_TO)),
                orOne(FieldParser.positiveQuantity(BILLING_UNITS_PER_PACKAGE, r.get(BILLING_UNITS_PER_PACKAGE))),
                orOne(FieldParser.positiveQuantity(PACKAGE_SIZE, r.get(PACKAGE_SIZE))),
                r.get(HCPCS_CODE) == null ? null : r.get(HCPCS_CODE).toUpperCase(Locale.ROOT),
                r.get(DRUG_NAME),
                r.get(DOSAGE));
        if (row.effectiveTo() != null && row.effectiveTo().isBefore(row.effectiveFrom())) {
            throw new RowRejectedException("effective_to is before effective_from");
        }
        return row;
    }

    static PayerContract contract(CsvRecord r) {
        CsvRecordReader.checkWidth(r);
        String payerId = r.require(PAYER_ID);
        Basis basis = basis(BASIS, r.require(BASIS));
        BigDecimal rate = FieldParser.percent(RATE_PERCENT, r.require(RATE_PERCENT));
        Basis fallback = r.get(FALLBACK_BASIS) == null ? null : basis(FALLBACK_BASIS, r.get(FALLBACK_BASIS));
        BigDecimal fallbackRate = FieldParser.percent(FALLBACK_RATE_PERCENT, r.get(FALLBACK_RATE_PERCENT));
        if ((fallback == null) != (fallbackRate == null)) {
            throw new RowRejectedException("fallback_basis and fallback_rate_percent must be given together");
        }
        BigDecimal toleranceAmount = FieldParser.amount(TOLERANCE_AMOUNT, r.get(TOLERANCE_AMOUNT));
        BigDecimal tolerancePercent = FieldParser.percent(TOLERANCE_PERCENT, r.get(TOLERANCE_PERCENT));
        Integer appealDays = FieldParser.wholeNumber(APPEAL_DAYS, r.get(APPEAL_DAYS));
        Integer timelyFilingDays = FieldParser.wholeNumber(TIMELY_FILING_DAYS, r.get(TIMELY_FILING_DAYS));
        return new PayerContract(payerId, basis, rate, fallback, fallbackRate,
                toleranceAmount != null ? toleranceAmount : PayerContract.DEFAULT_TOLERANCE_AMOUNT,
                tolerancePercent != null ? tolerancePercent : PayerContract.DEFAULT_TOLERANCE_PERCENT,
                appealDays != null ? appealDays : PayerContract.DEFAULT_APPEAL_DAYS,
                timelyFilingDays != null ? timelyFilingDays : PayerContract.DEFAULT_TIMELY_FILING_DAYS,
                r.get(PAYER_NAME),
                FieldParser.date(EFFECTIVE_FROM, r.get(EFFECTIVE_FROM)),
                FieldParser.date(EFFECTIVE_TO, r.get(EFFECTIVE_TO)));
    }

    private static Basis basis(String column, String text) {
        Basis basis = Basis.parse(text);
        if (basis == null) {
            throw new RowRejectedException(column + " '" + text + "' is not INVOICE, ASP or CHARGE");
        }
        return basis;
    }

    private static Ndc unambiguousNdc(String text) {
        Ndc ndc = NdcNormalizer.parseUnambiguous(text);
        if (ndc == null) {
            throw new RowRejectedException("ndc '" + text + "' is not an 11-digit or hyphenated NDC");
        }
        return ndc;
    }

    private static BigDecimal orOne(BigDecimal value) {
        return value != null ? value : BigDecimal.ONE;
    }
}
