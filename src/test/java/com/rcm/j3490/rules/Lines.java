package com.rcm.j3490.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test-only builders for remittance lines, invoices, pricing rows and contracts. */
public final class Lines {
    public static final LocalDate DOS = LocalDate.of(2026, 3, 10);
    public static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 23);
    public static final Ndc NDC_A = new Ndc("12345678901");
    public static final Ndc NDC_B = new Ndc("55555444422");

    /** Descriptions "CARC <code>" / "RARC <code>", so a test can see which code was described. */
    public static final CodeDescriptions DESCRIPTIONS = new CodeDescriptions() {
        @Override
        public String carc(String carc) {
            return "CARC " + carc;
        }

        @Override
        public String rarc(String rarc) {
            return "RARC " + rarc;
        }
    };

    private Lines() {
    }

    public static BigDecimal d(String amount) {
        return new BigDecimal(amount);
    }

    public static Ndc ndc(String digits) {
        return new Ndc(digits);
    }

    /** "CO-45:12.00" or "CO-45:12.00:2" to an adjustment (test data only, no validation). */
    public static Adjustment adj(String text) {
        String[] groupRest = text.split("-", 2);
        String[] parts = groupRest[1].split(":");
        return new Adjustment(groupRest[0], parts[0], new BigDecimal(parts[1]),
                parts.length > 2 ? new BigDecimal(parts[2]) : null);
    }

    public static RemittanceBuilder line() {
        return new RemittanceBuilder();
    }

    public static InvoiceBuilder invoice(String number, LocalDate date, Ndc ndc) {
        return new InvoiceBuilder(number, date, ndc);
    }

    public static PricingBuilder pricing(Ndc ndc, String paymentLimit, LocalDate from) {
        return new PricingBuilder(ndc, new BigDecimal(paymentLimit), from);
    }

    public static ContractBuilder contract(String payerId, Basis basis, String rate) {
        return new ContractBuilder(payerId, basis, new BigDecimal(rate));
    }

    public static LineReconciler reconciler(List<PayerContract> contracts, List<InvoiceLine> invoices,
            List<PricingRow> pricing) {
        return new LineReconciler(new ContractBook(contracts), new InvoiceMatcher(invoices, 365),
                new PricingIndex(pricing), DESCRIPTIONS);
    }

    public static ReconciledLine reconcile(RemittanceLine line, List<PayerContract> contracts,
            List<InvoiceLine> invoices, List<PricingRow> pricing) {
        return reconciler(contracts, invoices, pricing).reconcile(line, RUN_DATE);
    }

    /** A CHARGE 100% contract for every payer: expected = billed. */
    public static List<PayerContract> chargeAtBilled() {
        return List.of(contract("*", Basis.CHARGE, "100").build());
    }

    public static final class RemittanceBuilder {
        private String claimId = "C1";
        private String payerId = "P1";
        private LocalDate serviceDate = DOS;
        private String procedureCode = "J3490";
        private BigDecimal billed = new BigDecimal("100.00");
        private BigDecimal paid = new BigDecimal("100.00");
        private String checkNumber = "CHK1";
        private LocalDate paymentDate;
        private String claimStatus = "1";
        private String lineNumber = "1";
        private List<String> modifiers = List.of("JZ");
        private String ndc = NDC_A.formatted();
        private String drugName = "Drug 10 mg/mL";
        private BigDecimal ndcQuantity;
        private String ndcUnit;
        private BigDecimal unitsBilled = BigDecimal.ONE;
        private List<Adjustment> adjustments = new ArrayList<>();
        private List<String> remarkCodes = List.of();

        public RemittanceBuilder claimId(String v) {
            claimId = v;
            return this;
        }

        public RemittanceBuilder payerId(String v) {
            payerId = v;
            return this;
        }

        public RemittanceBuilder serviceDate(LocalDate v) {
            serviceDate = v;
            return this;
        }

        public RemittanceBuilder procedureCode(String v) {
            procedureCode = v;
            return this;
        }

        public RemittanceBuilder billed(String v) {
            billed = new BigDecimal(v);
            return this;
        }

        public RemittanceBuilder paid(String v) {
            paid = new BigDecimal(v);
            return this;
        }

        public RemittanceBuilder checkNumber(String v) {
            checkNumber = v;
            return this;
        }

        public RemittanceBuilder paymentDate(LocalDate v) {
            paymentDate = v;
            return this;
        }

        public RemittanceBuilder claimStatus(String v) {
            claimStatus = v;
            return this;
        }

        public RemittanceBuilder modifiers(String... v) {
            modifiers = List.of(v);
            return this;
        }

        public RemittanceBuilder ndc(String v) {
            ndc = v;
            return this;
        }

        public RemittanceBuilder drugName(String v) {
            drugName = v;
            return this;
        }

        public RemittanceBuilder ndcQuantity(String v) {
            ndcQuantity = v == null ? null : new BigDecimal(v);
            return this;
        }

        public RemittanceBuilder ndcUnit(String v) {
            ndcUnit = v;
            return this;
        }

        public RemittanceBuilder unitsBilled(String v) {
            unitsBilled = new BigDecimal(v);
            return this;
        }

        /** Adjustments as "GROUP-REASON:AMOUNT" texts. */
        public RemittanceBuilder adjustments(String... v) {
            adjustments = new ArrayList<>(Arrays.stream(v).map(Lines::adj).toList());
            return this;
        }

        public RemittanceBuilder remarks(String... v) {
            remarkCodes = List.of(v);
            return this;
        }

        public RemittanceLine build() {
            return new RemittanceLine(claimId, payerId, serviceDate, procedureCode, billed, paid, "Payer One",
                    checkNumber, paymentDate, claimStatus, "PCN1", lineNumber, modifiers, ndc, drugName,
                    ndcQuantity, ndcUnit, unitsBilled, null, null, List.copyOf(adjustments), remarkCodes,
                    "Doe, Jane");
        }
    }

    public static final class InvoiceBuilder {
        private final String number;
        private final LocalDate date;
        private final Ndc ndc;
        private BigDecimal unitCost = new BigDecimal("10.00");
        private BigDecimal packageSize = BigDecimal.ONE;
        private String packageUnit = "UN";
        private String claimId;

        InvoiceBuilder(String number, LocalDate date, Ndc ndc) {
            this.number = number;
            this.date = date;
            this.ndc = ndc;
        }

        public InvoiceBuilder unitCost(String v) {
            unitCost = new BigDecimal(v);
            return this;
        }

        public InvoiceBuilder packageSize(String v) {
            packageSize = new BigDecimal(v);
            return this;
        }

        public InvoiceBuilder packageUnit(String v) {
            packageUnit = v;
            return this;
        }

        public InvoiceBuilder claimId(String v) {
            claimId = v;
            return this;
        }

        public InvoiceLine build() {
            return new InvoiceLine(number, date, ndc, unitCost, packageSize, packageUnit, null, "Supplier",
                    "Drug", "LOT1", null, claimId);
        }
    }

    public static final class PricingBuilder {
        private final Ndc ndc;
        private final BigDecimal paymentLimit;
        private final LocalDate from;
        private LocalDate to;
        private BigDecimal billingUnitsPerPackage = BigDecimal.ONE;
        private BigDecimal packageSize = BigDecimal.ONE;
        private String hcpcsCode;

        PricingBuilder(Ndc ndc, BigDecimal paymentLimit, LocalDate from) {
            this.ndc = ndc;
            this.paymentLimit = paymentLimit;
            this.from = from;
        }

        public PricingBuilder to(LocalDate v) {
            to = v;
            return this;
        }

        public PricingBuilder billingUnitsPerPackage(String v) {
            billingUnitsPerPackage = new BigDecimal(v);
            return this;
        }

        public PricingBuilder packageSize(String v) {
            packageSize = new BigDecimal(v);
            return this;
        }

        public PricingBuilder hcpcsCode(String v) {
            hcpcsCode = v;
            return this;
        }

        public PricingRow build() {
            return new PricingRow(ndc, paymentLimit, from, to, billingUnitsPerPackage, packageSize, hcpcsCode,
                    "Drug", "10 mg");
        }
    }

    public static final class ContractBuilder {
        private final String payerId;
        private final Basis basis;
        private final BigDecimal rate;
        private Basis fallbackBasis;
        private BigDecimal fallbackRate;
        private BigDecimal toleranceAmount = PayerContract.DEFAULT_TOLERANCE_AMOUNT;
        private BigDecimal tolerancePercent = PayerContract.DEFAULT_TOLERANCE_PERCENT;
        private int appealDays = PayerContract.DEFAULT_APPEAL_DAYS;
        private int timelyFilingDays = PayerContract.DEFAULT_TIMELY_FILING_DAYS;
        private String payerName;
        private LocalDate from;
        private LocalDate to;

        ContractBuilder(String payerId, Basis basis, BigDecimal rate) {
            this.payerId = payerId;
            this.basis = basis;
            this.rate = rate;
        }

        public ContractBuilder fallback(Basis basis, String rate) {
            fallbackBasis = basis;
            fallbackRate = new BigDecimal(rate);
            return this;
        }

        public ContractBuilder tolerance(String amount, String percent) {
            toleranceAmount = new BigDecimal(amount);
            tolerancePercent = new BigDecimal(percent);
            return this;
        }

        public ContractBuilder appealDays(int v) {
            appealDays = v;
            return this;
        }

        public ContractBuilder timelyFilingDays(int v) {
            timelyFilingDays = v;
            return this;
        }

        public ContractBuilder payerName(String v) {
            payerName = v;
            return this;
        }

        public ContractBuilder period(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            return this;
        }

        public PayerContract build() {
            return new PayerContract(payerId, basis, rate, fallbackBasis, fallbackRate, toleranceAmount,
                    tolerancePercent, appealDays, timelyFilingDays, payerName, from, to);
        }
    }
}
