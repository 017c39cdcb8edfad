package com.rcm.j3490.bench;

import static com.rcm.j3490.input.Columns.*;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a realistic, seeded input set for the benchmark: remittance CSVs (split at claim
 * boundaries into files of at most {@value #DEFAULT_MAX_LINES_PER_FILE} data rows), drug
 * invoices, quarterly ASP pricing and payer contracts, in the formats of contract sections 1-2.
 * The same claim count and seed give byte-identical files. Everything is streamed: memory holds
 * the reference catalogue (a few thousand NDCs) and a small queue of redelivered claims, never a file.
 *
 * <p>Plain Java, no Spring. From the packaged jar:
 * <pre>
 * java -cp "$CP" com.rcm.j3490.bench.InputGenerator &lt;claims&gt; &lt;outDir&gt; [seed]
 * </pre>
 * Output: {@code outDir/remittance/remittance-NNN.csv}, {@code outDir/invoices/invoices-stock.csv},
 * {@code outDir/invoices/invoices-claims.csv}, {@code outDir/reference/asp-pricing.csv},
 * {@code outDir/reference/payer-contracts.csv} and {@code outDir/generated.properties} (counts).
 *
 * <p>The generator prices each drug line with its own copy of the contract's rules (2.2, 2.3) so
 * that it can aim every line at a status: mostly PAID_OK, then underpaid, denials (CO-16, CO-50,
 * CO-151, other), patient responsibility, no expected, overpaid and reversals; plus redelivered
 * duplicates and about 0.1% malformed rows. The intended counts go to {@code generated.properties}.
 */
public final class InputGenerator {
    public static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 23);
    public static final long DEFAULT_SEED = 3490L;
    public static final int DEFAULT_MAX_LINES_PER_FILE = 250_000;
    /** Share of remittance rows written malformed (each is rejected by the job). */
    public static final double MALFORMED_SHARE = 0.001;
    static final String TARGET_CODE = "J3490";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ASP_MARKUP = BigDecimal.valueOf(106);
    private static final LocalDate INVOICES_FROM = LocalDate.of(2024, 10, 1);
    private static final LocalDate PRICING_FROM = LocalDate.of(2025, 1, 1);
    private static final int LOOKBACK_DAYS = 365;

    /** Remittance columns, in file order (names as in {@link com.rcm.j3490.input.Columns}). */
    static final List<String> REMITTANCE_HEADER = List.of(CLAIM_ID, PAYER_ID, PAYER_NAME, CHECK_NUMBER, PAYMENT_DATE,
            CLAIM_STATUS, PAYER_CLAIM_NUMBER, LINE_NUMBER, SERVICE_DATE, PROCEDURE_CODE, MODIFIERS, NDC, DRUG_NAME,
            NDC_QUANTITY, NDC_UNIT, UNITS_BILLED, UNITS_PAID, BILLED_AMOUNT, ALLOWED_AMOUNT, PAID_AMOUNT, ADJUSTMENTS,
            REMARK_CODES, PATIENT_NAME);
    private static final int C_CLAIM = 0, C_PAYER = 1, C_PAYER_NAME = 2, C_CHECK = 3, C_PAY_DATE = 4, C_STATUS = 5,
            C_PCN = 6, C_LINE = 7, C_DOS = 8, C_CODE = 9, C_MODS = 10, C_NDC = 11, C_DRUG = 12, C_QTY = 13, C_UNIT = 14,
            C_UNITS = 15, C_UNITS_PAID = 16, C_BILLED = 17, C_ALLOWED = 18, C_PAID = 19, C_ADJ = 20, C_RARC = 21,
            C_PATIENT = 22, WIDTH = 23;

    static final List<String> INVOICE_HEADER = List.of(INVOICE_NUMBER, INVOICE_DATE, SUPPLIER, NDC, DRUG_NAME,
            PACKAGE_SIZE, PACKAGE_UNIT, UNIT_COST, QUANTITY, LOT_NUMBER, EXPIRATION_DATE, CLAIM_ID);
    static final List<String> PRICING_HEADER = List.of(HCPCS_CODE, NDC, DRUG_NAME, DOSAGE, PAYMENT_LIMIT,
            BILLING_UNITS_PER_PACKAGE, PACKAGE_SIZE, EFFECTIVE_FROM, EFFECTIVE_TO);
    static final List<String> CONTRACT_HEADER = List.of(PAYER_ID, PAYER_NAME, BASIS, RATE_PERCENT, FALLBACK_BASIS,
            FALLBACK_RATE_PERCENT, TOLERANCE_AMOUNT, TOLERANCE_PERCENT, APPEAL_DAYS, EFFECTIVE_FROM, EFFECTIVE_TO);

    /** What the generator aimed a J3490 row at (contract 2.4 statuses, plus the rows the job never reconciles). */
    public enum Intent {
        PAID_OK, UNDERPAID, OVERPAID, DENIED_CO16, DENIED_CO50, DENIED_CO151, DENIED_OTHER, PATIENT_RESP, NO_EXPECTED,
        REVERSED, DUPLICATE, MALFORMED
    }

    /** What was written. */
    public record Summary(long claims, long seed, int remittanceFiles, long remittanceRows, long targetRows,
            long otherCodeRows, long malformedRows, long duplicateRows, long reversedClaims, long invoiceRows,
            long pricingRows, long contractRows, int ndcs, Map<Intent, Long> targetIntents) {
    }

    // ------------------------------------------------------------------------------------------
    // entry points

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: InputGenerator <claims> <outDir> [seed]  (claims = remittance lines / 2.5)");
            System.exit(2);
        }
        long claims = Long.parseLong(args[0].replace("_", ""));
        Path out = Path.of(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        long t0 = System.nanoTime();
        Summary s = generate(claims, out, seed, DEFAULT_MAX_LINES_PER_FILE);
        System.out.printf(Locale.ROOT, "generated %d claims, %d remittance rows (%d %s, %d malformed, %d duplicates) "
                + "in %d file(s), %d invoice rows, %d pricing rows, %d NDCs into %s in %d ms%n", s.claims(),
                s.remittanceRows(), s.targetRows(), TARGET_CODE, s.malformedRows(), s.duplicateRows(),
                s.remittanceFiles(), s.invoiceRows(), s.pricingRows(), s.ndcs(), out,
                (System.nanoTime() - t0) / 1_000_000);
    }

    public static Summary generate(long claims, Path outDir, long seed) throws IOException {
        return generate(claims, outDir, seed, DEFAULT_MAX_LINES_PER_FILE);
    }

    public static Summary generate(long claims, Path outDir, long seed, int maxLinesPerFile) throws IOException {
        if (claims < 1) {
            throw new IllegalArgumentException("claims must be at least 1");
        }
        return new InputGenerator(claims, outDir, seed, maxLinesPerFile).run();
    }

    // ------------------------------------------------------------------------------------------
    // reference catalogue

    private static final String[] DRUG_BASES = {"Bortezomib", "Bevacizumab-adcd", "Pemetrexed", "Cyclophosphamide",
        "Fosaprepitant", "Leucovorin calcium", "Zoledronic acid", "Iron sucrose", "Methylprednisolone",
        "Ondansetron", "Granisetron ER", "Palonosetron", "Daptomycin", "Micafungin", "Ertapenem", "Meropenem",
        "Caspofungin", "Tigecycline", "Ketorolac", "Dexamethasone sodium phosphate", "Famotidine", "Pantoprazole",
        "Ibandronate", "Levoleucovorin", "Azacitidine", "Decitabine", "Bendamustine", "Gemcitabine", "Oxaliplatin",
        "Docetaxel", "Paclitaxel protein-bound", "Fulvestrant", "Octreotide", "Leuprolide", "Triptorelin",
        "Testosterone cypionate", "Medroxyprogesterone", "Ceftriaxone", "Vancomycin", "Cefazolin", "Magnesium sulfate",
        "Potassium chloride", "Sodium thiosulfate", "Mesna", "Amifostine", "Eptifibatide", "Argatroban",
        "Remdesivir", "Tocilizumab-aazg", "Infliximab-dyyb", "Rituximab-abbs", "Trastuzumab-anns", "Pegfilgrastim-jmdb",
        "Compounded lidocaine/bupivacaine", "Compounded phenylephrine", "Bupivacaine liposomal", "Hyaluronidase",
        "Glucarpidase", "Fomepizole", "Acetylcysteine"};
    private static final String[] FORMS = {"vial", "single-dose vial", "prefilled syringe", "bag", "ampule",
        "multi-dose vial"};
    private static final String[] SPECIFIC_CODES = {"J9041", "J9035", "J9305", "J9070", "J1453", "J0640", "J3489",
        "J1756", "J2930", "J2405", "J1626", "J2469", "J0878", "J2248", "J1335", "J2185", "J0692", "J3370"};
    private static final String[] SUPPLIERS = {"McKesson Specialty", "Cardinal Health", "Cencora (AmerisourceBergen)",
        "Besse Medical", "ASD Healthcare", "Oncology Supply", "Henry Schein", "Metro Medical"};
    private static final String[] LAST_NAMES = {"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER",
        "DAVIS", "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR",
        "MOORE", "JACKSON", "MARTIN", "LEE", "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ",
        "LEWIS", "ROBINSON", "WALKER", "YOUNG", "ALLEN", "KING", "WRIGHT", "SCOTT", "TORRES", "NGUYEN", "HILL",
        "FLORES", "GREEN", "ADAMS", "NELSON", "BAKER", "HALL", "RIVERA", "CAMPBELL", "MITCHELL", "CARTER", "O'BRIEN"};
    private static final String[] FIRST_NAMES = {"JAMES", "MARY", "ROBERT", "PATRICIA", "JOHN", "JENNIFER", "MICHAEL",
        "LINDA", "DAVID", "ELIZABETH", "WILLIAM", "BARBARA", "RICHARD", "SUSAN", "JOSEPH", "JESSICA", "THOMAS",
        "SARAH", "CHARLES", "KAREN", "MARIA", "LUIS", "ANA", "JOSE", "WEI", "MEI", "AHMED", "FATIMA", "OLGA", "IVAN"};

    /** One NDC of the formulary, with what the reference files say about it. */
    private static final class Drug {
        String ndc11;
        String name;
        String dosage;
        BigDecimal packageSize;
        String lineUnit;
        String invoiceUnit;
        BigDecimal billingUnitsPerPackage;
        double packageCost;
        String hcpcs;
        boolean hasPricing;
        boolean compounded;
        /** Stock invoices of this NDC, by date (one per date). */
        LocalDate[] invoiceDates = new LocalDate[0];
        String[] invoiceNumbers = new String[0];
        BigDecimal[] invoiceUnitCosts = new BigDecimal[0];
        /** Payment limit per quarter index (0 = 2025Q1). */
        BigDecimal[] paymentLimits;
    }

    private record Payer(String id, String name, int weight, boolean listed, boolean medicareLike, boolean medicaid,
            boolean sendsLineNumbers) {
    }

    private record Contract(String payerId, String payerName, String basis, BigDecimal rate, String fallbackBasis,
            BigDecimal fallbackRate, BigDecimal toleranceAmount, BigDecimal tolerancePercent, int appealDays,
            LocalDate from, LocalDate to) {
        boolean covers(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }
    }

    private static final List<Payer> PAYERS = List.of(
            new Payer("MCRB01", "Medicare Part B (JH)", 29, true, true, false, true),
            new Payer("TXMCD", "Texas Medicaid & Healthcare Partnership", 8, true, false, true, true),
            new Payer("BCBSTX", "Blue Cross Blue Shield of Texas", 12, true, false, false, true),
            new Payer("60054", "Aetna", 8, true, false, false, true),
            new Payer("87726", "UnitedHealthcare", 10, true, false, false, true),
            new Payer("62308", "Cigna", 6, true, false, false, true),
            new Payer("61101", "Humana Medicare Advantage", 7, true, true, false, true),
            new Payer("ANTHM", "Anthem Blue Cross", 5, true, false, false, true),
            new Payer("KSRTX", "Kaiser Permanente", 3, true, false, false, false),
            new Payer("99726", "TRICARE East", 2, true, true, false, true),
            new Payer("MOLTX", "Molina Healthcare of Texas", 3, true, false, true, true),
            new Payer("OSCAR", "Oscar Health", 3, false, false, false, true),
            new Payer("WLMRK", "Wellmark", 2, false, false, false, false),
            new Payer("AMBTR", "Ambetter", 2, false, false, false, true));

    private static List<Contract> contracts() {
        LocalDate y25 = LocalDate.of(2025, 1, 1);
        LocalDate e25 = LocalDate.of(2025, 12, 31);
        LocalDate y26 = LocalDate.of(2026, 1, 1);
        BigDecimal one = new BigDecimal("1.00");
        BigDecimal two = new BigDecimal("2");
        return List.of(
                new Contract("MCRB01", "Medicare Part B (JH)", "ASP", bd("106"), "INVOICE", bd("100"), one, two, 120,
                        y25, null),
                new Contract("TXMCD", "Texas Medicaid & Healthcare Partnership", "ASP", bd("100"), "INVOICE",
                        bd("100"), one, two, 95, null, null),
                new Contract("BCBSTX", "Blue Cross Blue Shield of Texas", "ASP", bd("115"), "INVOICE", bd("110"),
                        bd("2.00"), bd("3"), 180, y25, e25),
                new Contract("BCBSTX", "Blue Cross Blue Shield of Texas", "ASP", bd("118"), "INVOICE", bd("110"),
                        bd("2.00"), bd("3"), 180, y26, null),
                new Contract("60054", "Aetna", "INVOICE", bd("115"), "ASP", bd("110"), one, two, 180, null, null),
                new Contract("87726", "UnitedHealthcare", "ASP", bd("112"), "CHARGE", bd("40"), one, bd("2.5"), 180,
                        null, null),
                new Contract("62308", "Cigna", "INVOICE", bd("120"), null, null, bd("5.00"), two, 180, null, null),
                new Contract("61101", "Humana Medicare Advantage", "ASP", bd("106"), "INVOICE", bd("100"), one, two,
                        65, null, null),
                new Contract("ANTHM", "Anthem Blue Cross", "CHARGE", bd("55"), null, null, one, two, 180, null, null),
                new Contract("KSRTX", "Kaiser Permanente", "INVOICE", bd("108"), null, null, one, two, 365, y25, e25),
                new Contract("KSRTX", "Kaiser Permanente", "INVOICE", bd("112.5"), null, null, one, two, 365, y26,
                        null),
                new Contract("99726", "TRICARE East", "ASP", bd("106"), null, null, one, two, 90, null, null),
                new Contract("MOLTX", "Molina Healthcare of Texas", "INVOICE", bd("105"), "ASP", bd("100"), one, two,
                        120, null, null),
                new Contract("*", "Default (unlisted payers)", "INVOICE", bd("110"), null, null, one, two, 180, null,
                        null));
    }

    private static final String[][] ADMIN_CODES = {
        {"96365", "185.00", "0.30"}, {"96374", "95.00", "0.20"}, {"96413", "290.00", "0.25"},
        {"96375", "42.00", "0.15"}, {"J7050", "6.50", "0.10"}};

    // ------------------------------------------------------------------------------------------
    // state

    private final long claims;
    private final Path outDir;
    private final long seed;
    private final int maxLinesPerFile;
    private final SplittableRandom ref;
    private final SplittableRandom rnd;
    private final Drug[] drugs;
    private final double[] drugCumulative;
    private final Set<String> knownNdcs = new HashSet<>();
    private final Map<String, Drug> byNdc = new java.util.HashMap<>();
    private final List<Contract> contractRows = contracts();
    private final int[] payerCumulative;
    private final String[] checkPrefix;

    private long remittanceRows;
    private long targetRows;
    private long otherRows;
    private long malformedRows;
    private long duplicateRows;
    private long reversedClaims;
    private long invoiceRows;
    private long pricingRows;
    private int remittanceFiles;
    private long invoiceCounter = 700_000;
    private final Map<Intent, Long> intents = new EnumMap<>(Intent.class);

    private Writer remittance;
    private int linesInFile;
    private String eol = "\n";
    private boolean usDates;
    private Writer claimInvoices;
    /** Redelivered claims: rendered rows written again some claims later (bounded: ~0.5% of a window). */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    private record Pending(long dueClaim, List<String[]> rows, List<Intent> intents) {
    }

    private InputGenerator(long claims, Path outDir, long seed, int maxLinesPerFile) {
        this.claims = claims;
        this.outDir = outDir;
        this.seed = seed;
        this.maxLinesPerFile = maxLinesPerFile;
        this.ref = new SplittableRandom(seed);
        this.rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x3490);
        this.drugs = catalogue(3000);
        this.drugCumulative = zipf(drugs.length, 0.85);
        this.payerCumulative = new int[PAYERS.size()];
        int total = 0;
        for (int i = 0; i < PAYERS.size(); i++) {
            total += PAYERS.get(i).weight();
            payerCumulative[i] = total;
        }
        this.checkPrefix = new String[PAYERS.size()];
        for (int i = 0; i < PAYERS.size(); i++) {
            checkPrefix[i] = (i % 3 == 0 ? "EFT" : i % 3 == 1 ? "ACH" : "") + (1000 + ref.nextInt(9000));
        }
    }

    private Summary run() throws IOException {
        Path remittanceDir = outDir.resolve("remittance");
        Path invoiceDir = outDir.resolve("invoices");
        Path referenceDir = outDir.resolve("reference");
        for (Path d : List.of(remittanceDir, invoiceDir, referenceDir)) {
            Files.createDirectories(d);
        }
        deleteOld(remittanceDir, "remittance-");
        deleteOld(invoiceDir, "invoices-");

        writeContracts(referenceDir.resolve("payer-contracts.csv"));
        writePricing(referenceDir.resolve("asp-pricing.csv"));
        writeStockInvoices(invoiceDir.resolve("invoices-stock.csv"));
        try (Writer ci = writer(invoiceDir.resolve("invoices-claims.csv"))) {
            claimInvoices = ci;
            row(ci, INVOICE_HEADER.toArray(String[]::new), "\n");
            for (long c = 0; c < claims; c++) {
                flushPending(c, false);
                claim(c);
            }
            flushPending(Long.MAX_VALUE, true);
        } finally {
            closeRemittance();
        }
        Summary summary = new Summary(claims, seed, remittanceFiles, remittanceRows, targetRows, otherRows,
                malformedRows, duplicateRows, reversedClaims, invoiceRows, pricingRows, contractRows.size(),
                drugs.length, Map.copyOf(intents));
        writeSummary(outDir.resolve("generated.properties"), summary);
        return summary;
    }

    private static void deleteOld(Path dir, String prefix) throws IOException {
        List<Path> old;
        try (Stream<Path> files = Files.list(dir)) {
            old = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".csv")).toList();
        }
        for (Path p : old) {
            Files.delete(p);
        }
    }

    // ------------------------------------------------------------------------------------------
    // reference files

    private Drug[] catalogue(int n) {
        Drug[] out = new Drug[n];
        Set<String> ndcs = new HashSet<>();
        String[] labelers = new String[400];
        for (int i = 0; i < labelers.length; i++) {
            // about one labeler in six has a leading zero: its NDCs can be billed in 10-digit / 4-4-2 form
            labelers[i] = i % 6 == 0 ? "0" + (1000 + ref.nextInt(9000)) : Integer.toString(10000 + ref.nextInt(90000));
        }
        double[] sizes = {1, 1, 2, 4, 5, 10, 10, 20, 25, 50, 100};
        String[] units = {"ML", "ML", "ML", "ML", "UN", "UN", "GR"};
        for (int i = 0; i < n; i++) {
            Drug d = new Drug();
            do {
                d.ndc11 = labelers[ref.nextInt(labelers.length)] + String.format(Locale.ROOT, "%04d%02d",
                        ref.nextInt(10000), ref.nextInt(100));
            } while (!ndcs.add(d.ndc11));
            String base = DRUG_BASES[ref.nextInt(DRUG_BASES.length)];
            double size = sizes[ref.nextInt(sizes.length)];
            d.lineUnit = units[ref.nextInt(units.length)];
            d.packageSize = bd(trim(size));
            double strength = new double[] {0.5, 1, 2, 2.5, 4, 5, 10, 20, 40, 50, 100, 250, 500, 1000}[ref.nextInt(14)];
            String form = FORMS[ref.nextInt(FORMS.length)];
            d.dosage = trim(strength) + " mg/" + trim(size) + ("GR".equals(d.lineUnit) ? " g" : "UN".equals(
                    d.lineUnit) ? " unit" + (size == 1 ? "" : "s") : " mL");
            // one drug name in four carries a comma: it must be quoted in the CSV
            d.name = base + " " + d.dosage + (ref.nextInt(4) == 0 ? ", " + form : " " + form);
            d.billingUnitsPerPackage = bd(trim(new double[] {1, 1, 1, 2, 5, 10, 10, 25, 50, 100}[ref.nextInt(10)]));
            // package cost: log-uniform from $4 to $6,000
            d.packageCost = 4 * StrictMath.exp(ref.nextDouble() * StrictMath.log(1500));
            d.compounded = base.startsWith("Compounded");
            d.invoiceUnit = d.lineUnit;
            if (ref.nextInt(50) == 0) {
                d.invoiceUnit = "ML".equals(d.lineUnit) ? "UN" : "ML"; // UNIT_MISMATCH on INVOICE-priced lines
            }
            int kind = ref.nextInt(100);
            boolean hasInvoices = kind >= 3; // 3%: no invoice anywhere
            d.hasPricing = kind >= 3 && kind < 88 || kind >= 98; // about 15% are not in the ASP file
            int h = ref.nextInt(100);
            d.hcpcs = h < 10 ? SPECIFIC_CODES[ref.nextInt(SPECIFIC_CODES.length)] : h < 14 ? null : TARGET_CODE;
            if (hasInvoices) {
                // 5% are new to the practice: first bought in autumn 2026 (lines before it price on a later invoice)
                LocalDate first = ref.nextInt(20) == 0 ? LocalDate.of(2026, 8, 20).plusDays(ref.nextInt(60))
                        : INVOICES_FROM.plusDays(ref.nextInt(60));
                List<LocalDate> dates = new ArrayList<>();
                for (LocalDate day = first; !day.isAfter(RUN_DATE); day = day.plusDays(14 + ref.nextInt(47))) {
                    dates.add(day);
                }
                d.invoiceDates = dates.toArray(LocalDate[]::new);
                d.invoiceNumbers = new String[dates.size()];
                d.invoiceUnitCosts = new BigDecimal[dates.size()];
                for (int k = 0; k < dates.size(); k++) {
                    d.invoiceNumbers[k] = "INV" + (invoiceCounter++);
                    d.invoiceUnitCosts[k] = money(d.packageCost * priceIndex(dates.get(k)) * (0.97 + 0.06
                            * ref.nextDouble()));
                }
            }
            if (d.hasPricing) {
                d.paymentLimits = new BigDecimal[8];
                for (int q = 0; q < 8; q++) {
                    double perUnit = d.packageCost * 1.06 * priceIndex(PRICING_FROM.plusMonths(3L * q))
                            / d.billingUnitsPerPackage.doubleValue() * (0.98 + 0.04 * ref.nextDouble());
                    d.paymentLimits[q] = BigDecimal.valueOf(Math.max(perUnit, 0.001)).setScale(3, RoundingMode.HALF_UP);
                }
            }
            if (hasInvoices || d.hasPricing) {
                knownNdcs.add(d.ndc11);
            }
            byNdc.put(d.ndc11, d);
            out[i] = d;
        }
        return out;
    }

    /** Prices drift up about 1% a quarter. */
    private static double priceIndex(LocalDate d) {
        return 1 + 0.01 * ChronoUnit.MONTHS.between(INVOICES_FROM, d) / 3.0;
    }

    private static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1 / StrictMath.pow(i + 1, s);
            c[i] = total;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= total;
        }
        return c;
    }

    private void writeContracts(Path file) throws IOException {
        try (Writer w = writer(file)) {
            row(w, CONTRACT_HEADER.toArray(String[]::new), "\n");
            for (Contract c : contractRows) {
                row(w, new String[] {c.payerId(), c.payerName(), c.basis(), c.rate().toPlainString(),
                    c.fallbackBasis(), c.fallbackRate() == null ? null : c.fallbackRate().toPlainString(),
                    c.toleranceAmount().toPlainString(), c.tolerancePercent().toPlainString(),
                    Integer.toString(c.appealDays()), iso(c.from()), iso(c.to())}, "\n");
            }
        }
    }

    private void writePricing(Path file) throws IOException {
        try (Writer w = writer(file)) {
            row(w, PRICING_HEADER.toArray(String[]::new), "\n");
            for (int q = 0; q < 8; q++) { // quarterly files 2025Q1..2026Q4, concatenated
                LocalDate from = PRICING_FROM.plusMonths(3L * q);
                LocalDate to = q == 7 ? null : from.plusMonths(3).minusDays(1);
                for (Drug d : drugs) {
                    if (!d.hasPricing) {
                        continue;
                    }
                    row(w, new String[] {d.hcpcs, dashed(d.ndc11), d.name, d.dosage, d.paymentLimits[q].toPlainString(),
                        d.billingUnitsPerPackage.toPlainString(), d.packageSize.toPlainString(), iso(from), iso(to)},
                            "\n");
                    pricingRows++;
                }
            }
        }
    }

    private void writeStockInvoices(Path file) throws IOException {
        try (Writer w = writer(file)) {
            row(w, INVOICE_HEADER.toArray(String[]::new), "\n");
            for (Drug d : drugs) {
                for (int k = 0; k < d.invoiceDates.length; k++) {
                    LocalDate date = d.invoiceDates[k];
                    row(w, new String[] {d.invoiceNumbers[k], iso(date), SUPPLIERS[ref.nextInt(SUPPLIERS.length)],
                        ref.nextInt(10) == 0 ? d.ndc11 : dashed(d.ndc11), d.name, d.packageSize.toPlainString(),
                        d.invoiceUnit, d.invoiceUnitCosts[k].toPlainString(), Integer.toString(1 + ref.nextInt(24)),
                        lot(ref), iso(date.plusDays(365 + ref.nextInt(400))), null}, "\n");
                    invoiceRows++;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // claims

    /** Everything about a claim that its rows share. */
    private final class ClaimCtx {
        String claimId;
        Payer payer;
        int payerIndex;
        LocalDate dos;
        LocalDate paymentDate;
        String check;
        String pcn;
        String status;
        String patient;
        boolean lineNumbers;
        /** A compounded drug bought for this claim (contract 2.2 step 1), or null. */
        BigDecimal claimInvoiceCost;
        String claimInvoiceNumber;
        LocalDate claimInvoiceDate;
        String claimInvoiceUnit;
        int nextLine = 1;
    }

    private void claim(long index) throws IOException {
        ClaimCtx c = new ClaimCtx();
        int clinic = 1 + rnd.nextInt(48);
        c.claimId = String.format(Locale.ROOT, "C%02d-%08d", clinic, 10_000_000 + index);
        c.payerIndex = weighted(payerCumulative);
        c.payer = PAYERS.get(c.payerIndex);
        c.paymentDate = RUN_DATE.minusDays(1 + rnd.nextInt(10));
        int lag = rnd.nextInt(50) == 0 ? 120 + rnd.nextInt(300) : 12 + (int) (rnd.nextDouble() * rnd.nextDouble() * 110);
        c.dos = c.paymentDate.minusDays(lag);
        c.check = check(c.payerIndex, c.paymentDate);
        c.pcn = String.format(Locale.ROOT, "%013d", rnd.nextLong(1_000_000_000_0000L));
        c.patient = LAST_NAMES[rnd.nextInt(LAST_NAMES.length)] + ", " + FIRST_NAMES[rnd.nextInt(FIRST_NAMES.length)]
                + (rnd.nextInt(3) == 0 ? " " + (char) ('A' + rnd.nextInt(26)) : "");
        c.lineNumbers = c.payer.sendsLineNumbers() || rnd.nextInt(4) == 0;
        int p = rnd.nextInt(1000);
        c.status = p < 850 ? "1" : p < 950 ? "19" : p < 980 ? "2" : p < 990 ? "20" : "3";

        int drugLines = pick(new int[] {44, 37, 14, 5}) + 1;
        int adminLines = pick(new int[] {52, 40, 8});
        boolean compoundedClaim = rnd.nextInt(250) == 0;
        if (compoundedClaim) {
            c.claimInvoiceNumber = "CMP" + (900_000 + index);
            c.claimInvoiceDate = c.dos.minusDays(rnd.nextInt(10) - (rnd.nextInt(5) == 0 ? 8 : 0));
            c.claimInvoiceCost = money(40 + rnd.nextDouble() * 900);
            c.claimInvoiceUnit = "UN";
            claimInvoices.write(csv(new String[] {c.claimInvoiceNumber, iso(c.claimInvoiceDate), "Pharmedium Compounding",
                null, "Compounded preparation for " + c.claimId, "1", "UN", c.claimInvoiceCost.toPlainString(), "1",
                lot(rnd), null, c.claimId}));
            claimInvoices.write('\n');
            invoiceRows++;
        }

        int scenario = rnd.nextInt(1000);
        List<String[]> rows = new ArrayList<>();
        List<Intent> rowIntents = new ArrayList<>();
        if (scenario < 10) {
            // reversal of an earlier payment (status 22), then the corrected claim (status 1)
            reversedClaims++;
            // the payer reprocesses the claim: it reverses the lines it paid and pays them again under
            // a new payer claim number. The reversed lines are the same claim lines (same line
            // numbers, drugs and quantities), so an 837 of the claim describes both (X12 mode).
            ClaimCtx original = copyForReversal(c);
            c.pcn = String.format(Locale.ROOT, "%013d", rnd.nextLong(1_000_000_000_0000L));
            c.status = "1";
            List<String[]> corrected = new ArrayList<>();
            List<Intent> correctedIntents = new ArrayList<>();
            buildLines(c, drugLines, adminLines, compoundedClaim, false, corrected, correctedIntents);
            for (int i = 0; i < corrected.size(); i++) {
                String[] reversal = corrected.get(i).clone();
                reversal[C_STATUS] = original.status;
                reversal[C_PCN] = original.pcn;
                negate(reversal);
                rows.add(reversal);
                rowIntents.add(correctedIntents.get(i) != null ? Intent.REVERSED : null);
            }
            rows.addAll(corrected);
            rowIntents.addAll(correctedIntents);
        } else {
            boolean deniedClaim = scenario < 22;
            if (deniedClaim) {
                c.status = "4";
            }
            buildLines(c, drugLines, adminLines, compoundedClaim, deniedClaim, rows, rowIntents);
        }
        emit(rows, rowIntents, false);
        // about 0.5% of claims are delivered twice (the same 835 resent), a little later in the run
        if (c.lineNumbers && scenario >= 22 && rnd.nextInt(200) == 0) {
            pending.addLast(new Pending(index + 200 + rnd.nextInt(3000), rows, rowIntents));
        }
    }

    private ClaimCtx copyForReversal(ClaimCtx c) {
        ClaimCtx o = new ClaimCtx();
        o.claimId = c.claimId;
        o.payer = c.payer;
        o.payerIndex = c.payerIndex;
        o.dos = c.dos;
        o.paymentDate = c.paymentDate;
        o.check = c.check;
        o.pcn = c.pcn;
        o.status = "22";
        o.patient = c.patient;
        o.lineNumbers = c.lineNumbers;
        o.claimInvoiceCost = c.claimInvoiceCost;
        o.claimInvoiceNumber = c.claimInvoiceNumber;
        o.claimInvoiceDate = c.claimInvoiceDate;
        o.claimInvoiceUnit = c.claimInvoiceUnit;
        return o;
    }

    private void buildLines(ClaimCtx c, int drugLines, int adminLines, boolean compounded, boolean deniedClaim,
            List<String[]> rows, List<Intent> rowIntents) {
        c.nextLine = 1;
        String claimDenial = deniedClaim ? new String[] {"CO-27", "CO-109", "CO-29", "CO-16", "CO-31", "CO-200"}[
                rnd.nextInt(6)] : null;
        for (int i = 0; i < drugLines; i++) {
            Drug d = compounded && i == 0 ? compoundedDrug() : drugs[sample(drugCumulative)];
            boolean waste = !compounded && rnd.nextInt(100) < 5;
            double given = quantity(d);
            if (waste) {
                double wasted = Math.max(0.1, round1(d.packageSize.doubleValue() * 0.25 * rnd.nextDouble()));
                drugLine(c, d, given, "", compounded && i == 0, claimDenial, rows, rowIntents);
                drugLine(c, d, wasted, "JW", false, claimDenial, rows, rowIntents);
            } else {
                int m = rnd.nextInt(1000);
                String mods = m < 900 ? "JZ" : m < 935 ? "JZ:KX" : m < 965 ? "JZ:59" : m < 995 ? "" : "JW:JZ";
                drugLine(c, d, given, mods, compounded && i == 0, claimDenial, rows, rowIntents);
            }
        }
        for (int i = 0; i < adminLines; i++) {
            adminLine(c, claimDenial, rows, rowIntents);
        }
    }

    private Drug compoundedDrug() {
        return drugs[sample(drugCumulative)];
    }

    private double quantity(Drug d) {
        double[] fractions = {0.25, 0.5, 0.5, 1, 1, 1, 1, 1.5, 2, 2, 3, 4};
        return Math.max(0.1, round1(d.packageSize.doubleValue() * fractions[rnd.nextInt(fractions.length)]));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** One J3490 line, aimed at a status. */
    private void drugLine(ClaimCtx c, Drug d, double qty, String mods, boolean claimInvoiceLine, String claimDenial,
            List<String[]> rows, List<Intent> rowIntents) {
        String[] f = base(c, TARGET_CODE);
        f[C_MODS] = mods.isEmpty() ? null : mods;

        // NDC as billed
        String ndcText;
        String resolved;
        int form = rnd.nextInt(1000);
        if (claimInvoiceLine && rnd.nextInt(2) == 0) {
            form = 990; // compounded preparations often have no NDC
        }
        if (form < 790) {
            ndcText = dashed(d.ndc11);
            resolved = d.ndc11;
        } else if (form < 900) {
            ndcText = d.ndc11;
            resolved = d.ndc11;
        } else if (form < 940) {
            ndcText = "N4" + d.ndc11;
            resolved = d.ndc11;
        } else if (form < 965) {
            if (d.ndc11.charAt(0) != '0') {
                ndcText = dashed(d.ndc11);
                resolved = d.ndc11;
            } else if (rnd.nextBoolean()) {
                ndcText = d.ndc11.substring(1); // 10 digits: resolves only when exactly one reading is known
                resolved = resolveTen(ndcText);
            } else {
                ndcText = d.ndc11.substring(1, 5) + "-" + d.ndc11.substring(5, 9) + "-" + d.ndc11.substring(9);
                resolved = d.ndc11; // 4-4-2: padded
            }
        } else if (form < 973) {
            ndcText = d.ndc11.substring(0, 4) + "O" + d.ndc11.substring(5); // a typo: letter O for zero
            resolved = null;
        } else if (form < 985) {
            ndcText = dashed(d.ndc11);
            resolved = d.ndc11;
        } else {
            ndcText = null;
            resolved = null;
        }
        f[C_NDC] = ndcText;
        f[C_DRUG] = rnd.nextInt(100) < 3 ? null : d.name;

        BigDecimal ndcQty = rnd.nextInt(100) < 4 ? null : bd(trim(qty));
        BigDecimal units = BigDecimal.valueOf(Math.max(1, Math.round(qty * d.billingUnitsPerPackage.doubleValue()
                / d.packageSize.doubleValue())));
        f[C_QTY] = ndcQty == null ? null : ndcQty.toPlainString();
        f[C_UNIT] = ndcQty == null ? null : d.lineUnit;
        f[C_UNITS] = units.toPlainString();
        f[C_UNITS_PAID] = units.toPlainString();

        // what the line should pay (contract 2.2, 2.3), with billed from the charge master
        Contract contract = contract(c.payer.id(), c.dos);
        double base = d.packageCost * (ndcQty != null ? qty / d.packageSize.doubleValue() : units.doubleValue());
        BigDecimal billed = money(Math.max(1, base * (2.0 + 1.4 * rnd.nextDouble())));
        BigDecimal expected = expected(c, d, resolved, ndcQty, units, billed, contract, claimInvoiceLine);
        if (expected != null && expected.compareTo(billed.multiply(new BigDecimal("0.6"))) > 0) {
            billed = money(expected.doubleValue() * (1.8 + 1.2 * rnd.nextDouble()));
            expected = expected(c, d, resolved, ndcQty, units, billed, contract, claimInvoiceLine);
        }
        f[C_BILLED] = billed.toPlainString();
        BigDecimal tolerance = expected == null ? null : contract.toleranceAmount().max(
                expected.multiply(contract.tolerancePercent()).divide(HUNDRED));

        Intent intent;
        if (claimDenial != null) {
            intent = claimDenial.equals("CO-16") ? Intent.DENIED_CO16 : Intent.DENIED_OTHER;
            denied(f, billed, claimDenial, claimDenial.equals("CO-16") ? co16Remarks() : "N30");
        } else {
            intent = lineOutcome();
            if (expected == null && (intent == Intent.PAID_OK || intent == Intent.UNDERPAID
                    || intent == Intent.OVERPAID)) {
                intent = Intent.NO_EXPECTED;
            }
            if (intent == Intent.UNDERPAID && expected.compareTo(tolerance.add(new BigDecimal("0.60"))) <= 0) {
                intent = Intent.PAID_OK; // too cheap to be underpaid beyond tolerance
            }
            switch (intent) {
                case PAID_OK -> paid(c, f, billed, expected.add(jitter(tolerance)));
                case UNDERPAID -> {
                    BigDecimal shortfall = money(Math.max(tolerance.doubleValue() + 0.5 + 4 * rnd.nextDouble(),
                            expected.doubleValue() * (0.05 + 0.35 * rnd.nextDouble())));
                    if (shortfall.compareTo(expected) > 0) {
                        shortfall = expected;
                    }
                    paid(c, f, billed, expected.subtract(shortfall));
                }
                case OVERPAID -> paid(c, f, billed, expected.add(money(Math.max(tolerance.doubleValue() + 0.5
                        + 4 * rnd.nextDouble(), expected.doubleValue() * (0.05 + 0.2 * rnd.nextDouble())))));
                case NO_EXPECTED -> paid(c, f, billed, money(billed.doubleValue() * (0.25 + 0.35 * rnd.nextDouble())));
                case DENIED_CO16 -> denied(f, billed, "CO-16", co16Remarks());
                case DENIED_CO50 -> denied(f, billed, "CO-50", rnd.nextInt(3) == 0 ? null : rnd.nextBoolean()
                        ? "N386" : "M127");
                case DENIED_CO151 -> {
                    if (rnd.nextInt(10) < 3 && expected != null) {
                        BigDecimal paid = money(expected.doubleValue() * 0.5);
                        f[C_PAID] = paid.toPlainString();
                        f[C_ALLOWED] = paid.toPlainString();
                        f[C_ADJ] = "CO-151:" + billed.subtract(paid).toPlainString();
                        f[C_RARC] = "N362";
                    } else {
                        denied(f, billed, "CO-151", rnd.nextBoolean() ? "N362" : null);
                    }
                }
                case DENIED_OTHER -> {
                    String[] carcs = {"CO-97", "CO-97", "CO-97", "CO-4", "CO-11", "CO-197", "CO-197", "CO-29",
                        "OA-18", "PI-204", "CO-B7"};
                    String carc = carcs[rnd.nextInt(carcs.length)];
                    denied(f, billed, carc, carc.equals("CO-97") ? "M15" : carc.equals("CO-4") ? "N519" : null);
                    if (rnd.nextInt(5) == 0) {
                        f[C_STATUS] = "4";
                    }
                }
                case PATIENT_RESP -> {
                    BigDecimal owed = expected != null ? expected : money(billed.doubleValue() * 0.4);
                    f[C_PAID] = "0.00";
                    f[C_ALLOWED] = owed.toPlainString();
                    f[C_ADJ] = adjustments(billed.subtract(owed), "PR-1:" + owed.toPlainString());
                }
                default -> throw new IllegalStateException(intent.name());
            }
        }
        add(rows, rowIntents, f, intent);
    }

    private Intent lineOutcome() {
        int p = rnd.nextInt(1000);
        if (p < 760) {
            return Intent.PAID_OK;
        } else if (p < 840) {
            return Intent.UNDERPAID;
        } else if (p < 858) {
            return Intent.OVERPAID;
        } else if (p < 898) {
            return Intent.DENIED_CO16;
        } else if (p < 918) {
            return Intent.DENIED_CO50;
        } else if (p < 930) {
            return Intent.DENIED_CO151;
        } else if (p < 945) {
            return Intent.DENIED_OTHER;
        } else if (p < 975) {
            return Intent.PATIENT_RESP;
        }
        // NO_EXPECTED is not drawn: it comes from lines nothing can price (no or invalid NDC, no invoice
        // or pricing row, an ASP payer without fallback for an NDC outside the ASP file)
        return Intent.PAID_OK;
    }

    private BigDecimal jitter(BigDecimal tolerance) {
        if (rnd.nextInt(4) != 0) {
            return BigDecimal.ZERO;
        }
        long maxCents = tolerance.movePointRight(2).longValue() * 9 / 10;
        long cents = maxCents <= 0 ? 0 : rnd.nextLong(maxCents + 1);
        return BigDecimal.valueOf(rnd.nextBoolean() ? cents : -cents, 2);
    }

    private String co16Remarks() {
        int r = rnd.nextInt(100);
        return r < 35 ? "M119" : r < 45 ? "M123" : r < 55 ? "N350" : r < 63 ? "N29" : r < 68 ? "N706"
                : r < 82 ? "MA130" : r < 90 ? "M119;N350" : null;
    }

    /** Paid line: reimbursed = paid + PR; CO-45 balances billed; now and then out of balance. */
    private void paid(ClaimCtx c, String[] f, BigDecimal billed, BigDecimal reimbursed) {
        if (reimbursed.signum() < 0) {
            reimbursed = BigDecimal.ZERO.setScale(2);
        }
        BigDecimal pr = BigDecimal.ZERO;
        String prItem = null;
        if (c.payer.medicareLike()) {
            pr = money(reimbursed.doubleValue() * 0.2);
            prItem = "PR-2:" + pr.toPlainString();
        } else if (!c.payer.medicaid() && rnd.nextInt(10) < 3 && reimbursed.compareTo(money(60)) > 0) {
            pr = money(10 + 5 * rnd.nextInt(9)); // a copay, on lines that pay more than it
            prItem = (rnd.nextInt(4) == 0 ? "PR-1:" : "PR-3:") + pr.toPlainString();
        }
        BigDecimal paid = reimbursed.subtract(pr);
        BigDecimal co45 = billed.subtract(reimbursed);
        if (rnd.nextInt(125) == 0) {
            co45 = co45.subtract(money(0.01 + 5 * rnd.nextDouble())); // OUT_OF_BALANCE
        }
        f[C_PAID] = paid.toPlainString();
        f[C_ALLOWED] = reimbursed.toPlainString();
        f[C_ADJ] = adjustments(co45, prItem);
        if (rnd.nextInt(40) == 0) {
            f[C_RARC] = "N362";
        }
    }

    private static String adjustments(BigDecimal co45, String other) {
        String a = co45.signum() > 0 ? "CO-45:" + co45.toPlainString() : null;
        if (a == null) {
            return other;
        }
        return other == null ? a : a + ";" + other;
    }

    private static void denied(String[] f, BigDecimal billed, String carc, String remarks) {
        f[C_PAID] = "0.00";
        f[C_ALLOWED] = null;
        f[C_ADJ] = carc + ":" + billed.toPlainString();
        f[C_RARC] = remarks;
    }

    private void adminLine(ClaimCtx c, String claimDenial, List<String[]> rows, List<Intent> rowIntents) {
        double u = rnd.nextDouble();
        double acc = 0;
        String[] code = ADMIN_CODES[ADMIN_CODES.length - 1];
        for (String[] a : ADMIN_CODES) {
            acc += Double.parseDouble(a[2]);
            if (u < acc) {
                code = a;
                break;
            }
        }
        String[] f = base(c, code[0]);
        if (rnd.nextInt(10) == 0) {
            f[C_MODS] = rnd.nextBoolean() ? "59" : "XU";
        }
        BigDecimal billed = new BigDecimal(code[1]).multiply(BigDecimal.valueOf(code[0].equals("J7050") ? 1 + rnd
                .nextInt(3) : 1));
        f[C_UNITS] = "1";
        f[C_UNITS_PAID] = "1";
        f[C_BILLED] = billed.toPlainString();
        if (claimDenial != null) {
            denied(f, billed, claimDenial, null);
        } else if (rnd.nextInt(30) == 0) {
            denied(f, billed, "CO-97", "M15");
        } else {
            paid(c, f, billed, money(billed.doubleValue() * (0.32 + 0.12 * rnd.nextDouble())));
        }
        add(rows, rowIntents, f, null);
    }

    private String[] base(ClaimCtx c, String code) {
        String[] f = new String[WIDTH];
        f[C_CLAIM] = c.claimId;
        f[C_PAYER] = c.payer.id();
        f[C_PAYER_NAME] = rnd.nextInt(10) == 0 ? null : c.payer.name();
        f[C_CHECK] = c.check;
        f[C_PAY_DATE] = iso(c.paymentDate);
        f[C_STATUS] = c.status;
        f[C_PCN] = c.pcn;
        f[C_LINE] = c.lineNumbers ? Integer.toString(c.nextLine) : null;
        c.nextLine++;
        f[C_DOS] = iso(c.dos);
        f[C_CODE] = code;
        f[C_PATIENT] = c.patient;
        return f;
    }

    private void add(List<String[]> rows, List<Intent> rowIntents, String[] f, Intent intent) {
        rows.add(f);
        rowIntents.add(intent);
    }

    /** A reversal (status 22) repeats the original line with every amount and quantity negated. */
    private void negate(String[] f) {
        boolean parens = rnd.nextInt(5) == 0;
        for (int i : new int[] {C_BILLED, C_PAID, C_ALLOWED}) {
            if (f[i] != null && new BigDecimal(f[i]).signum() != 0) {
                f[i] = parens ? "(" + f[i] + ")" : "-" + f[i];
            }
        }
        for (int i : new int[] {C_QTY, C_UNITS, C_UNITS_PAID}) {
            if (f[i] != null) {
                f[i] = "-" + f[i];
            }
        }
        if (f[C_ADJ] != null) {
            StringBuilder sb = new StringBuilder();
            for (String item : f[C_ADJ].split(";")) {
                int colon = item.indexOf(':');
                sb.append(sb.length() == 0 ? "" : ";").append(item, 0, colon + 1).append('-').append(item.substring(
                        colon + 1));
            }
            f[C_ADJ] = sb.toString();
        }
        f[C_STATUS] = "22";
    }

    // ------------------------------------------------------------------------------------------
    // the generator's own copy of the pricing rules (contract 2.2, 2.3)

    private Contract contract(String payerId, LocalDate dos) {
        for (Contract c : contractRows) {
            if (c.payerId().equals(payerId) && c.covers(dos)) {
                return c;
            }
        }
        for (Contract c : contractRows) {
            if (c.payerId().equals("*") && c.covers(dos)) {
                return c;
            }
        }
        return null;
    }

    private BigDecimal expected(ClaimCtx c, Drug d, String ndc, BigDecimal ndcQty, BigDecimal units,
            BigDecimal billed, Contract contract, boolean claimInvoiceLine) {
        if (contract == null) {
            return null;
        }
        BigDecimal e = price(c, d, ndc, ndcQty, units, billed, contract.basis(), contract.rate());
        if (e == null && contract.fallbackBasis() != null) {
            e = price(c, d, ndc, ndcQty, units, billed, contract.fallbackBasis(), contract.fallbackRate());
        }
        return e;
    }

    private BigDecimal price(ClaimCtx c, Drug d, String ndc, BigDecimal ndcQty, BigDecimal units, BigDecimal billed,
            String basis, BigDecimal rate) {
        switch (basis) {
            case "CHARGE":
                return billed.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            case "INVOICE": {
                BigDecimal cost;
                BigDecimal pkg;
                if (c.claimInvoiceCost != null) { // a claim invoice without NDC serves every line of its claim
                    cost = c.claimInvoiceCost;
                    pkg = BigDecimal.ONE;
                } else {
                    if (ndc == null) {
                        return null;
                    }
                    Drug of = drugByNdc(ndc, d);
                    int k = invoiceFor(of, c.dos);
                    if (k < 0) {
                        return null;
                    }
                    cost = of.invoiceUnitCosts[k];
                    pkg = of.packageSize;
                }
                if (ndcQty != null) {
                    return cost.multiply(ndcQty).multiply(rate).divide(pkg.multiply(HUNDRED), 2, RoundingMode.HALF_UP);
                }
                return cost.multiply(units).multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            }
            case "ASP": {
                if (ndc == null) {
                    return null;
                }
                Drug of = drugByNdc(ndc, d);
                int q = quarter(c.dos);
                if (!of.hasPricing || q < 0) {
                    return null;
                }
                BigDecimal limit = of.paymentLimits[q];
                if (ndcQty != null) {
                    return limit.multiply(ndcQty).multiply(of.billingUnitsPerPackage).multiply(rate)
                            .divide(of.packageSize.multiply(ASP_MARKUP), 2, RoundingMode.HALF_UP);
                }
                return limit.multiply(units).multiply(rate).divide(ASP_MARKUP, 2, RoundingMode.HALF_UP);
            }
            default:
                throw new IllegalArgumentException(basis);
        }
    }

    /** The drug the resolved NDC names: the line's own, or another one a 10-digit NDC resolved to. */
    private Drug drugByNdc(String ndc, Drug d) {
        return ndc.equals(d.ndc11) ? d : byNdc.get(ndc);
    }

    /** Contract 2.2 steps 2-3 on one NDC's stock invoices; -1 when none. */
    private static int invoiceFor(Drug d, LocalDate dos) {
        LocalDate[] dates = d.invoiceDates;
        int firstAfter = 0;
        while (firstAfter < dates.length && !dates[firstAfter].isAfter(dos)) {
            firstAfter++;
        }
        if (firstAfter > 0 && dates[firstAfter - 1].isAfter(dos.minusDays(LOOKBACK_DAYS))) {
            return firstAfter - 1;
        }
        if (firstAfter < dates.length && !dates[firstAfter].isAfter(dos.plusDays(30))) {
            return firstAfter;
        }
        return -1;
    }

    private static int quarter(LocalDate dos) {
        if (dos.isBefore(PRICING_FROM)) {
            return -1;
        }
        int q = (int) (ChronoUnit.MONTHS.between(PRICING_FROM, dos.withDayOfMonth(1)) / 3);
        return Math.min(q, 7);
    }

    private String resolveTen(String ten) {
        Set<String> readings = new java.util.LinkedHashSet<>(List.of("0" + ten, ten.substring(0, 5) + "0"
                + ten.substring(5), ten.substring(0, 9) + "0" + ten.substring(9)));
        String hit = null;
        int hits = 0;
        for (String r : readings) {
            if (knownNdcs.contains(r)) {
                hit = r;
                hits++;
            }
        }
        return hits == 1 ? hit : null;
    }

    // ------------------------------------------------------------------------------------------
    // writing rows

    private void emit(List<String[]> rows, List<Intent> rowIntents, boolean duplicate) throws IOException {
        if (remittance == null || linesInFile > 0 && linesInFile + rows.size() > maxLinesPerFile) {
            nextRemittanceFile();
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i);
            if (f == null) {
                continue; // malformed when first delivered: not redelivered
            }
            Intent intent = rowIntents.get(i);
            boolean target = TARGET_CODE.equals(f[C_CODE]);
            String line;
            if (!duplicate && rnd.nextDouble() < MALFORMED_SHARE) {
                line = csv(malform(dated(f).clone()));
                rows.set(i, null); // never redelivered
                malformedRows++;
                if (target) {
                    count(Intent.MALFORMED);
                }
            } else {
                line = csv(dated(f));
                if (target) {
                    count(duplicate ? Intent.DUPLICATE : intent);
                }
                if (duplicate) {
                    duplicateRows += target ? 1 : 0;
                }
            }
            remittance.write(line);
            remittance.write(eol);
            linesInFile++;
            remittanceRows++;
            if (target) {
                targetRows++;
            } else {
                otherRows++;
            }
        }
    }

    private void flushPending(long claimIndex, boolean all) throws IOException {
        while (!pending.isEmpty() && (all || pending.peekFirst().dueClaim() <= claimIndex)) {
            Pending p = pending.pollFirst();
            emit(p.rows(), p.intents(), true);
        }
    }

    private void count(Intent i) {
        intents.merge(i, 1L, Long::sum);
    }

    /** Dates in the file's format: ISO, or US M/D/YYYY in every fourth file (a payer's export). */
    private String[] dated(String[] f) {
        if (!usDates) {
            return f;
        }
        String[] g = f.clone();
        g[C_DOS] = us(g[C_DOS]);
        g[C_PAY_DATE] = us(g[C_PAY_DATE]);
        return g;
    }

    private static String us(String iso) {
        if (iso == null) {
            return null;
        }
        LocalDate d = LocalDate.parse(iso);
        return d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
    }

    /** One malformed row of the kinds billers send: every one is rejected by contract 1. */
    private String[] malform(String[] f) {
        switch (rnd.nextInt(8)) {
            case 0 -> f[C_DOS] = "2026-02-30";
            case 1 -> f[C_DOS] = "13/45/2026";
            case 2 -> f[C_BILLED] = "12,34.00";
            case 3 -> f[C_PAID] = f[C_PAID] == null ? "1.2.3" : f[C_PAID] + "USD";
            case 4 -> f[C_CLAIM] = null;
            case 5 -> f[C_ADJ] = "CO45:" + (f[C_BILLED] == null ? "1.00" : f[C_BILLED]);
            case 6 -> f[C_ADJ] = "XX-45:10.00";
            default -> {
                // an unquoted thousands comma shifts every later column: the row has one field too many
                String[] g = Arrays.copyOf(f, WIDTH + 1);
                System.arraycopy(f, C_BILLED + 1, g, C_BILLED + 2, WIDTH - C_BILLED - 1);
                g[C_BILLED] = "1";
                g[C_BILLED + 1] = "234.56";
                return g;
            }
        }
        return f;
    }

    private void nextRemittanceFile() throws IOException {
        closeRemittance();
        remittanceFiles++;
        Path file = outDir.resolve("remittance").resolve(String.format(Locale.ROOT, "remittance-%03d.csv",
                remittanceFiles));
        remittance = writer(file);
        // every third file comes from a Windows export (CRLF); every fourth writes US dates
        eol = remittanceFiles % 3 == 0 ? "\r\n" : "\n";
        usDates = remittanceFiles % 4 == 0;
        row(remittance, REMITTANCE_HEADER.toArray(String[]::new), eol);
        linesInFile = 0;
    }

    private void closeRemittance() throws IOException {
        if (remittance != null) {
            remittance.close();
            remittance = null;
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
    }

    private static void row(Writer w, String[] fields, String eol) throws IOException {
        w.write(csv(fields));
        w.write(eol);
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; null is empty. */
    static String csv(String[] fields) {
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = fields[i];
            if (v == null) {
                continue;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    private void writeSummary(Path file, Summary s) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("claims", s.claims());
        p.put("seed", s.seed());
        p.put("runDate", RUN_DATE);
        p.put("remittanceFiles", s.remittanceFiles());
        p.put("remittanceRows", s.remittanceRows());
        p.put("targetRows", s.targetRows());
        p.put("otherCodeRows", s.otherCodeRows());
        p.put("malformedRows", s.malformedRows());
        p.put("duplicateTargetRows", s.duplicateRows());
        p.put("reversedClaims", s.reversedClaims());
        p.put("invoiceRows", s.invoiceRows());
        p.put("pricingRows", s.pricingRows());
        p.put("contractRows", s.contractRows());
        p.put("ndcs", s.ndcs());
        for (Intent i : Intent.values()) {
            p.put("intent." + i.name(), s.targetIntents().getOrDefault(i, 0L));
        }
        try (Writer w = writer(file)) {
            w.write("# written by com.rcm.j3490.bench.InputGenerator; J3490 rows by the status the generator aimed at\n");
            for (Map.Entry<String, Object> e : p.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // small helpers

    private int weighted(int[] cumulative) {
        int r = rnd.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private int pick(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int sample(double[] cumulative) {
        int i = Arrays.binarySearch(cumulative, rnd.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }

    private String check(int payerIndex, LocalDate paymentDate) {
        return checkPrefix[payerIndex] + String.format(Locale.ROOT, "%06d", paymentDate.toEpochDay() % 1_000_000);
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String dashed(String ndc11) {
        return ndc11.substring(0, 5) + "-" + ndc11.substring(5, 9) + "-" + ndc11.substring(9);
    }

    private static String lot(SplittableRandom r) {
        return "L" + Integer.toString(100_000 + r.nextInt(900_000), 36).toUpperCase(Locale.ROOT);
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static String trim(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
