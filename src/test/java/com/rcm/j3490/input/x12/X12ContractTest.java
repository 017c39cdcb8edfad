package com.rcm.j3490.input.x12;

import static org.junit.jupiter.api.Assertions.*;

import com.rcm.j3490.input.Columns;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.Adjustment;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.RemittanceLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract section 5 rules that the fixture-based tests left unasserted (the audit table in
 * docs/x12.md names the test of every rule). Written against the public readers: the claims are
 * loaded as the job loads them ({@link ClaimFiles#load}) and the 835 read with
 * {@link Remittance835Reader}, so the tests hold whatever the index keeps inside.
 */
class X12ContractTest {
    static final String ISA = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261106*1200*^*00501*000000001*0*P*:~";
    static final String HEAD = "ST*835*0001~BPR*I*0*C*NON************20261106~TRN*1*CHK9*1999999999~N1*PR*PLAN*XV*PLANID~";

    @TempDir
    Path dir;

    static List<X12ServiceLine> read(String text, ClaimLineIndex claims) {
        List<X12ServiceLine> lines = new ArrayList<>();
        try (Remittance835Reader reader = new Remittance835Reader(
                X12SegmentReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.835"), claims, null)) {
            X12ServiceLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    ClaimLineIndex claims(String name, String content, List<RowRejection> rejected) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return ClaimFiles.load(List.of(file), Set.of("J3490"), rejected::add);
    }

    // ---- 5.1 files --------------------------------------------------------------------------

    @Test
    void delimitersComeFromTheIsaWhateverTheyAre() {
        String isa = "ISA|00|          |00|          |ZZ|PAYER          |ZZ|PROVIDER       |261106|1200|^|00501|000000001|0|P|>!";
        String text = isa + "GS|HP|PAYER|PROVIDER|20261106|1200|1|X|005010X221A1!ST|835|0001!BPR|I|0|C|NON!TRN|1|CHK9|1999999999!"
                + "N1|PR|PLAN|XV|PLANID!CLP|C1|1|100|0!SVC|HC>J3490>JZ|100|0||1!DTM|472|20261101!CAS|CO|16|100!"
                + "SE|9|0001!GE|1|1!IEA|1|000000001!";
        RemittanceLine line = read(text, null).get(0).parse();
        assertEquals("J3490", line.procedureCode());
        assertEquals(List.of("JZ"), line.modifiers());
        assertEquals(List.of(new Adjustment("CO", "16", new BigDecimal("100"), null)), line.adjustments());
    }

    @Test
    void severalFunctionalGroupsInOneInterchangeAreAllRead() {
        String set1 = "GS*HP*PAYER*PROVIDER*20261106*1200*1*X*005010X221A1~" + HEAD
                + "CLP*C1*1*100*100~SVC*HC:J3490*100*100**1~DTM*472*20261101~SE*8*0001~GE*1*1~";
        String set2 = "GS*HP*PAYER*PROVIDER*20261106*1200*2*X*005010X221A1~" + HEAD.replace("CHK9", "CHK10")
                + "CLP*C2*1*50*50~SVC*HC:J3490*50*50**1~DTM*472*20261101~SE*8*0001~GE*1*2~";
        List<X12ServiceLine> lines = read(ISA + set1 + set2 + "IEA*2*000000001~", null);
        assertEquals(List.of("CHK9", "CHK10"), lines.stream().map(l -> l.parse().checkNumber()).toList());
    }

    @Test
    void anIsaThatCannotBeReadRefusesTheFileNamingIt() {
        X12FormatException e = assertThrows(X12FormatException.class, () -> read("ISA*00*~GS*HP~ST*835*1~SE*2*1~", null));
        assertTrue(e.getMessage().contains("t.835"), e.getMessage());
    }

    // ---- 5.2 mapping --------------------------------------------------------------------------

    @Test
    void anHpQualifierIsAProcedureCodeToo() {
        RemittanceLine line = read(HEAD + "CLP*C1*1*100*100~SVC*HP:J3490:JW*100*100**1~DTM*472*20261101~SE*7*0001~", null)
                .get(0).parse();
        assertEquals("J3490", line.procedureCode());
        assertEquals(List.of("JW"), line.modifiers());
    }

    @Test
    void anN4QualifiedSvc01GivesTheNdcWhenNoClaimLineJoined() {
        X12ServiceLine line = read(HEAD + "CLP*C1*1*60*0~SVC*N4:12345678901*60*0**1~DTM*472*20261101~SE*7*0001~", null).get(0);
        assertEquals("12345678901", line.record().get(Columns.NDC));
        assertThrows(RowRejectedException.class, line::parse, "no procedure code: rejected as for CSV");
    }

    @Test
    void everyCasTripleBecomesAnAdjustmentInOrderWithItsQuantity() {
        RemittanceLine line = read(HEAD + "CLP*C1*1*100*80~SVC*HC:J3490*100*80**1~DTM*472*20261101~"
                + "CAS*CO*45*10**253*2*1~CAS*PR*2*8~SE*9*0001~", null).get(0).parse();
        assertEquals(List.of(new Adjustment("CO", "45", new BigDecimal("10"), null),
                new Adjustment("CO", "253", new BigDecimal("2"), BigDecimal.ONE),
                new Adjustment("PR", "2", new BigDecimal("8"), null)), line.adjustments());
    }

    @Test
    void unitsBilledFallBackToTheJoinedClaimLinesUnits() throws IOException {
        ClaimLineIndex index = claims("c.csv", "claim_id,line_number,procedure_code,service_date,billed_amount,units_billed\n"
                + "C1,1,J3490,2026-11-01,100.00,4\n", new ArrayList<>());
        RemittanceLine line = read(HEAD + "CLP*C1*1*100*100~SVC*HC:J3490*100*100~DTM*472*20261101~REF*6R*1~SE*8*0001~", index)
                .get(0).parse();
        assertEquals(0, new BigDecimal("4").compareTo(line.unitsBilled()), "no SVC07, no SVC05: the claim line's units");
    }

    // ---- 5.3 the 837 side and 5.4 the claim-lines CSV -------------------------------------------

    static final String P837 = "ST*837*0001*005010X222A1~BHT*0019*00*B1*20261103*0900*CH~HL*1**20*1~HL*2*1*22*1~"
            + "NM1*IL*1*SUBSCRIBER*SAM****MI*M1~HL*3*2*23*0~NM1*QC*1*PATIENT*PAT~CLM*C1*150***11:B:1~"
            + "LX*1~SV1*HC:J3490:JZ::::DRUG X 5 MG*150*UN*3***1~DTP*472*D8*20261101~REF*6R*A1~LIN**N4~CTP****7.5*ML~"
            + "SE*16*0001~";

    @Test
    void aLinWithoutAnNdcStillCarriesItsCtpAndThe837GivesPatientAndUnits() throws IOException {
        ClaimLineIndex index = claims("p.837", P837, new ArrayList<>());
        X12ServiceLine item = read(HEAD + "CLP*C1*1*150*150~SVC*HC:J3490:JZ*150*150~DTM*472*20261101~REF*6R*a1~SE*8*0001~",
                index).get(0);
        RemittanceLine line = item.parse();
        assertEquals(Set.of(), item.flags(), "joined by REF*6R ignoring case");
        assertNull(line.ndc(), "LIN without LIN03");
        assertEquals(0, new BigDecimal("7.5").compareTo(line.ndcQuantity()));
        assertEquals("ML", line.ndcUnit());
        assertEquals("DRUG X 5 MG", line.drugName());
        assertEquals("PATIENT, PAT", line.patientName(), "no NM1*QC in the 835: the 837's NM1*QC before NM1*IL");
        assertEquals(0, new BigDecimal("3").compareTo(line.unitsBilled()), "SV104");
    }

    @Test
    void theClaimLinesCsvJoinsByLineNumberIgnoringCaseAndGivesEveryColumn() throws IOException {
        List<RowRejection> rejected = new ArrayList<>();
        ClaimLineIndex index = claims("lines.csv", "claim_id,line_number,procedure_code,modifiers,service_date,billed_amount,"
                + "units_billed,ndc,ndc_quantity,ndc_unit,drug_name,patient_name\n"
                + "C1,Ln-7,J3490,JW,2026-11-01,100.00,2,00002-1234-01,1.5,ML,DRUG Y,\"PATIENT, CSV\"\n"
                + "C1,Ln-8,J3490,JZ,2026-11-01,100.00,2,11111111111,1,UN,DRUG Z,\"PATIENT, CSV\"\n", rejected);
        assertEquals(List.of(), rejected);
        RemittanceLine line = read(HEAD + "CLP*C1*1*100*100~SVC*HC:J3490:JW*100*100**2~DTM*472*20261101~REF*6R*LN-7~SE*8*0001~",
                index).get(0).parse();
        assertEquals("00002-1234-01", line.ndc());
        assertEquals(0, new BigDecimal("1.5").compareTo(line.ndcQuantity()));
        assertEquals("ML", line.ndcUnit());
        assertEquals("DRUG Y", line.drugName());
        assertEquals("PATIENT, CSV", line.patientName());
        assertEquals("LN-7", line.lineNumber(), "the 835's own REF*6R, as sent");
    }

    @Test
    void aCorrectedClaimInALaterFileCountsWhenItsBhtTiesTheOriginal() throws IOException {
        Path original = dir.resolve("a.837");
        Path corrected = dir.resolve("b.837");
        Files.writeString(original, P837);
        Files.writeString(corrected, P837.replace("DRUG X 5 MG", "DRUG X CORRECTED").replace("11:B:1", "11:B:7"));
        ClaimLineIndex index = ClaimFiles.load(List.of(original, corrected), Set.of("J3490"), r -> { });
        RemittanceLine line = read(HEAD + "CLP*C1*1*150*150~SVC*HC:J3490:JZ*150*150**3~DTM*472*20261101~REF*6R*A1~SE*8*0001~",
                index).get(0).parse();
        assertEquals("DRUG X CORRECTED", line.drugName(), "same BHT04/BHT05: the later file in name order");
    }

    @Test
    void withClaimsGivenAnUnjoinedLineIsFlaggedAndKeepsWhatThe835Gives() throws IOException {
        ClaimLineIndex index = claims("p.837", P837, new ArrayList<>());
        X12ServiceLine item = read(HEAD + "CLP*C2*1*150*150~NM1*QC*1*OTHER*ONE~SVC*HC:J3490*150*150**3~DTM*472*20261101~SE*8*0001~",
                index).get(0);
        assertEquals(Set.of(Flag.CLAIM_LINE_NOT_FOUND), item.flags());
        RemittanceLine line = item.parse();
        assertNull(line.ndc());
        assertNull(line.drugName());
        assertEquals("OTHER, ONE", line.patientName());
        assertEquals("1", line.lineNumber(), "the ordinal among C2's SVC loops");
    }

    @Test
    void claimLevelCasFlagsEveryLineOfItsClaimAndOnlyThoseAndCountsInTheClaimBalance() {
        RemittanceSummary summary = new RemittanceSummary();
        List<X12ServiceLine> lines = new ArrayList<>();
        try (Remittance835Reader reader = new Remittance835Reader(X12SegmentReader.open(new ByteArrayInputStream((HEAD
                + "CLP*C1*1*110*80~CAS*OA*23*10~SVC*HC:J3490*60*50**1~DTM*472*20261101~CAS*CO*45*10~"
                + "SVC*HC:J3490*50*40**1~DTM*472*20261101~CAS*CO*45*10~"
                + "CLP*C2*1*50*50~SVC*HC:J3490*50*50**1~DTM*472*20261101~SE*15*0001~").getBytes(StandardCharsets.UTF_8)),
                "t.835"), null, summary)) {
            X12ServiceLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        assertEquals(List.of(Set.of(Flag.CLAIM_ADJUSTMENT), Set.of(Flag.CLAIM_ADJUSTMENT), Set.of()),
                lines.stream().map(X12ServiceLine::flags).toList());
        TransactionBalance set = summary.transactions().get(0);
        assertTrue(set.claimsBalance(), "110 - (10 claim CAS + 20 line CAS) = 80 = CLP04");
        assertEquals(new BigDecimal("10"), summary.claimAdjustments().get(0).amount());
    }
}
