package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reconciles one target line: NDC, contract, price, status, flags, action, deadline. */
public final class LineReconciler {
    private final ContractBook contracts;
    private final InvoiceMatcher invoices;
    private final PricingIndex pricing;
    private final ExpectedPaymentCalculator calculator;
    private final ReworkAdvisor advisor;

    public LineReconciler(ContractBook contracts, InvoiceMatcher invoices, PricingIndex pricing,
            CodeDescriptions descriptions) {
        this.contracts = contracts;
        this.invoices = invoices;
        this.pricing = pricing;
        this.calculator = new ExpectedPaymentCalculator(invoices, pricing);
        this.advisor = new ReworkAdvisor(descriptions);
    }

    public ReconciledLine reconcile(RemittanceLine line, LocalDate runDate) {
        NdcReading reading = NdcNormalizer.read(line.ndc());
        Ndc ndc = NdcNormalizer.resolve(reading, n -> invoices.knows(n) || pricing.knows(n));
        PayerContract contract = contracts.find(line.payerId(), line.serviceDate()).orElse(null);
        Pricing priced = calculator.price(line, ndc, contract).orElse(null);

        BigDecimal reimbursed = Money.cents(line.paidAmount().add(line.patientResponsibility()));
        BigDecimal expected = priced == null ? null : priced.expected();
        BigDecimal variance = expected == null ? null : reimbursed.subtract(expected);
        BigDecimal toleranceAmount = contract == null ? PayerContract.DEFAULT_TOLERANCE_AMOUNT : contract.toleranceAmount();
        BigDecimal tolerancePercent = contract == null ? PayerContract.DEFAULT_TOLERANCE_PERCENT : contract.tolerancePercent();
        BigDecimal tolerance = expected == null ? null : toleranceAmount.max(Money.percentOf(expected, tolerancePercent));

        Status status = StatusClassifier.classify(line, expected, variance, tolerance);
        PricingRow pricingRow = ndc == null ? null : pricing.find(ndc, line.serviceDate()).orElse(null);
        Set<Flag> flags = FlagEvaluator.evaluate(line, reading, ndc, pricingRow, priced, status,
                contracts.lostARow(line.payerId(), line.serviceDate()));
        int appealDays = contract == null ? PayerContract.DEFAULT_APPEAL_DAYS : contract.appealDays();
        // MA130: returned as unprocessable, so there are no appeal rights (a new claim is sent instead)
        LocalDate deadline = line.hasRemark("MA130") ? null
                : (line.paymentDate() != null ? line.paymentDate() : runDate).plusDays(appealDays);
        int filingDays = contract == null ? PayerContract.DEFAULT_TIMELY_FILING_DAYS : contract.timelyFilingDays();

        return new ReconciledLine(line.claimId(), line.lineNumber(), line.checkNumber(), line.claimStatus(),
                line.payerId(), line.payerName() != null ? line.payerName() : contract == null ? null : contract.payerName(),
                line.payerClaimNumber(), line.patientName(), line.serviceDate(), line.paymentDate(),
                line.procedureCode(), String.join(":", line.modifiers()),
                ndc != null ? ndc.formatted() : line.ndc(), line.drugName(), line.ndcQuantity(), line.ndcUnit(),
                line.unitsBilled(), Money.cents(line.billedAmount()), Money.cents(line.paidAmount()), reimbursed,
                expected, variance, priced == null ? null : priced.basis(), priced == null ? null : priced.ratePercent(),
                priced == null || priced.invoice() == null ? null : priced.invoice().invoiceNumber(),
                status, denialCodes(line), line.remarkCodes(), flags, advisor.action(status, line),
                TeamRouter.team(status, line),
                deadline,
                StatusClassifier.amountAtStake(status, line, expected, reimbursed, variance),
                DrugSource.of(priced == null ? null : priced.invoice(), pricingRow),
                line.unitsPaid(), line.allowedAmount(), adjustmentsAsSent(line),
                line.serviceDate().plusDays(filingDays));
    }

    /** The line's CAS adjustments as the payer sent them: GROUP-REASON:AMOUNT[:QUANTITY], ";"-separated. */
    static String adjustmentsAsSent(RemittanceLine line) {
        StringBuilder b = new StringBuilder();
        for (Adjustment a : line.adjustments()) {
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(a.code()).append(':').append(a.amount().toPlainString());
            if (a.quantity() != null) {
                b.append(':').append(a.quantity().toPlainString());
            }
        }
        return b.toString();
    }

    /** Every positive adjustment except PR ones and CO-45, as GROUP-REASON, in input order without repeats. */
    static List<String> denialCodes(RemittanceLine line) {
        Set<String> codes = new LinkedHashSet<>();
        for (Adjustment a : line.adjustments()) {
            if (a.isPositive() && !a.isPatientResponsibility() && !a.isContractualWriteOff()) {
                codes.add(a.code());
            }
        }
        return new ArrayList<>(codes);
    }
}
