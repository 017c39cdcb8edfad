package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes what a line should have paid under its payer contract (contract 2.3). Each amount
 * is one exact fraction (every factor multiplied, every divisor applied last) rounded once.
 */
public final class ExpectedPaymentCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ASP_MARKUP = BigDecimal.valueOf(106);

    private final InvoiceMatcher invoices;
    private final PricingIndex pricing;

    public ExpectedPaymentCalculator(InvoiceMatcher invoices, PricingIndex pricing) {
        this.invoices = invoices;
        this.pricing = pricing;
    }

    /** Prices on the contract basis, else its fallback; empty when neither can. */
    public Optional<Pricing> price(RemittanceLine line, Ndc ndc, PayerContract contract) {
        if (contract == null) {
            return Optional.empty();
        }
        Optional<Pricing> primary = price(line, ndc, contract.basis(), contract.ratePercent());
        if (primary.isPresent() || contract.fallbackBasis() == null) {
            return primary;
        }
        return price(line, ndc, contract.fallbackBasis(), contract.fallbackRatePercent());
    }

    Optional<Pricing> price(RemittanceLine line, Ndc ndc, Basis basis, BigDecimal rate) {
        return switch (basis) {
            case INVOICE -> invoices.match(line.claimId(), ndc, line.serviceDate())
                    .map(inv -> onInvoice(line, inv, rate));
            case ASP -> pricing.find(ndc, line.serviceDate()).map(row -> onAsp(line, row, rate));
            case CHARGE -> Optional.of(new Pricing(Basis.CHARGE, rate,
                    Money.fractionToCents(line.billedAmount().multiply(rate), HUNDRED), null, false, false));
        };
    }

    private static Pricing onInvoice(RemittanceLine line, InvoiceLine inv, BigDecimal rate) {
        if (line.ndcQuantity() != null) {
            BigDecimal numerator = inv.unitCost().multiply(line.ndcQuantity()).multiply(rate);
            BigDecimal expected = Money.fractionToCents(numerator, inv.packageSize().multiply(HUNDRED));
            boolean unitMismatch = line.ndcUnit() != null && inv.packageUnit() != null
                    && !Objects.equals(line.ndcUnit(), inv.packageUnit());
            return new Pricing(Basis.INVOICE, rate, expected, inv, false, unitMismatch);
        }
        BigDecimal numerator = inv.unitCost().multiply(line.unitsBilled()).multiply(rate);
        return new Pricing(Basis.INVOICE, rate, Money.fractionToCents(numerator, HUNDRED), inv, true, false);
    }

    private static Pricing onAsp(RemittanceLine line, PricingRow row, BigDecimal rate) {
        BigDecimal expected;
        if (line.ndcQuantity() != null) {
            BigDecimal numerator = row.paymentLimit().multiply(line.ndcQuantity())
                    .multiply(row.billingUnitsPerPackage()).multiply(rate);
            expected = Money.fractionToCents(numerator, row.packageSize().multiply(ASP_MARKUP));
        } else {
            BigDecimal numerator = row.paymentLimit().multiply(line.unitsBilled()).multiply(rate);
            expected = Money.fractionToCents(numerator, ASP_MARKUP);
        }
        return new Pricing(Basis.ASP, rate, expected, null, false, false);
    }
}
