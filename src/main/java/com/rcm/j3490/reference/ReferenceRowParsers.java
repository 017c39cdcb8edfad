package com.rcm.j3490.reference;

import static com.rcm.j3490.input.Columns.*;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.FieldParser;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.ContractBook;
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
                FieldParser.nonNegativeAmount(UNIT_COST, r.require(UNIT_COST)),
                orOne(FieldParser.positiveQuantity(PACKAGE_SIZE, r.get(PACKAGE_SIZE))),
                r.get(PACKAGE_UNIT) == null ? "UN" : r.get(PACKAGE_UNIT).toUpperCase(Locale.ROOT),
                FieldParser.number(QUANTITY, r.get(QUANTITY)),
                r.text(SUPPLIER),
                r.text(DRUG_NAME),
                r.text(LOT_NUMBER),
                FieldParser.date(EXPIRATION_DATE, r.get(EXPIRATION_DATE)),
                claimId);
    }

    static PricingRow pricing(CsvRecord r) {
        CsvRecordReader.checkWidth(r);
        Ndc ndc = unambiguousNdc(r.require(NDC));
        PricingRow row = new PricingRow(
                ndc,
                FieldParser.nonNegativeAmount(PAYMENT_LIMIT, r.require(PAYMENT_LIMIT)),
                FieldParser.requiredDate(EFFECTIVE_FROM, r.get(EFFECTIVE_FROM)),
                FieldParser.date(EFFECTIVE_TO, r.get(EFFECTIVE_TO)),
                orOne(FieldParser.positiveQuantity(BILLING_UNITS_PER_PACKAGE, r.get(BILLING_UNITS_PER_PACKAGE))),
                orOne(FieldParser.positiveQuantity(PACKAGE_SIZE, r.get(PACKAGE_SIZE))),
                r.get(HCPCS_CODE) == null ? null : r.get(HCPCS_CODE).toUpperCase(Locale.ROOT),
                r.text(DRUG_NAME),
                r.text(DOSAGE));
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
        BigDecimal toleranceAmount = FieldParser.nonNegativeAmount(TOLERANCE_AMOUNT, r.get(TOLERANCE_AMOUNT));
        BigDecimal tolerancePercent = FieldParser.percent(TOLERANCE_PERCENT, r.get(TOLERANCE_PERCENT));
        Integer appealDays = FieldParser.dayCount(APPEAL_DAYS, r.get(APPEAL_DAYS));
        Integer timelyFilingDays = FieldParser.dayCount(TIMELY_FILING_DAYS, r.get(TIMELY_FILING_DAYS));
        return new PayerContract(payerId, basis, rate, fallback, fallbackRate,
                toleranceAmount != null ? toleranceAmount : PayerContract.DEFAULT_TOLERANCE_AMOUNT,
                tolerancePercent != null ? tolerancePercent : PayerContract.DEFAULT_TOLERANCE_PERCENT,
                appealDays != null ? appealDays : PayerContract.DEFAULT_APPEAL_DAYS,
                timelyFilingDays != null ? timelyFilingDays : PayerContract.DEFAULT_TIMELY_FILING_DAYS,
                r.text(PAYER_NAME),
                FieldParser.date(EFFECTIVE_FROM, r.get(EFFECTIVE_FROM)),
                FieldParser.date(EFFECTIVE_TO, r.get(EFFECTIVE_TO)));
    }

    /**
     * The payer a rejected contract row was for: its payer_id, {@link ContractBook#UNKNOWN_PAYER}
     * when that cannot be read, or null for a row with no value at all (an empty spreadsheet row).
     */
    static String payerOfRejectedContract(CsvRecord r) {
        if (r.fields().length > 0 && java.util.Arrays.stream(r.fields()).allMatch(String::isBlank)) {
            return null;
        }
        String payerId = r.fields().length == r.header().width() ? r.peek(PAYER_ID) : null;
        return payerId != null && payerId.length() <= CsvRecord.MAX_VALUE_LENGTH ? payerId : ContractBook.UNKNOWN_PAYER;
    }

    private static Basis basis(String column, String text) {
        Basis basis = Basis.parse(text);
        if (basis == null) {
            throw new RowRejectedException(column + " is not INVOICE, ASP or CHARGE");
        }
        return basis;
    }

    private static Ndc unambiguousNdc(String text) {
        Ndc ndc = NdcNormalizer.parseUnambiguous(text);
        if (ndc == null) {
            throw new RowRejectedException("ndc is not an 11-digit or hyphenated NDC");
        }
        return ndc;
    }

    private static BigDecimal orOne(BigDecimal value) {
        return value != null ? value : BigDecimal.ONE;
    }
}
