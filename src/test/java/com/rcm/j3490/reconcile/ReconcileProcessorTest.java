package com.rcm.j3490.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.LineReconciler;
import com.rcm.j3490.rules.Lines;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 12 case 7: an amount no later step can hold is a rejected row, not a crash of the workbook step. */
class ReconcileProcessorTest {
    private static CsvRecord record(String ndcQuantity) throws IOException {
        try (CsvRecordReader reader = CsvRecordReader.open(new StringReader(
                "claim_id,payer_id,service_date,procedure_code,billed_amount,paid_amount,ndc,ndc_quantity\n"
                        + "C1,P1,2026-03-10,J3490,100.00,90.00,12345-6789-01," + ndcQuantity + "\n"),
                "remit.csv", InputKind.REMITTANCE)) {
            return reader.next();
        }
    }

    private static LineOutcome process(String ndcQuantity) throws IOException {
        // every factor within its input bound, their product far beyond what a long of cents holds
        LineReconciler reconciler = Lines.reconciler(List.of(Lines.contract("*", Basis.ASP, "1000").build()), List.of(),
                List.of(Lines.pricing(Lines.NDC_A, "999999999.99", Lines.DOS.minusDays(30))
                        .billingUnitsPerPackage("1000000").packageSize("0.0001").build()));
        ReconcileProcessor processor = new ReconcileProcessor(() -> reconciler, Set.of("J3490"), Lines.RUN_DATE);
        return processor.process(new RemittanceItem(1, 0, record(ndcQuantity), 1));
    }

    @Test
    void anExpectedPaymentBeyondSaneMagnitudeRejectsTheRow() throws IOException {
        LineOutcome outcome = process("1000000");
        assertThat(outcome).isInstanceOf(LineOutcome.Rejected.class);
        LineOutcome.Rejected rejected = (LineOutcome.Rejected) outcome;
        assertThat(rejected.rejection().line()).isEqualTo(2);
        assertThat(rejected.rejection().reason()).startsWith("expected payment is too large")
                .contains("package_size").contains("billing_units_per_package");
    }

    @Test
    void aSaneExpectedPaymentIsReconciled() throws IOException {
        assertThat(process("0.00000001")).isInstanceOf(LineOutcome.Reconciled.class);
    }
}
