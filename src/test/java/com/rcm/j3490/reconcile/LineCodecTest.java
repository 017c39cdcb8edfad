package com.rcm.j3490.reconcile;

import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.DrugSource;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineCodecTest {

    @Test
    void everyFieldRoundTripsExactly() {
        ReconciledLine line = new ReconciledLine("CLM-1", "2", "CHK 9", "1", "P01", "Aetna, Inc. “Gold”",
                "PCN-7", "MÜLLER, ZOË", LocalDate.of(2026, 3, 10), LocalDate.of(1969, 12, 31), "J3490", "JW;KX",
                "12345-6789-01", "x".repeat(70_000), new BigDecimal("2.500000"), "ML", new BigDecimal("1"),
                new BigDecimal("-1234.56"), new BigDecimal("0.00"), new BigDecimal("99999999999999999999.99"),
                new BigDecimal("1050.125"), new BigDecimal("-184.44"), Basis.ASP, new BigDecimal("106.0000"), "INV-1",
                Status.UNDERPAID, List.of("CO-16", "CO-45"), List.of("M119", "N657"),
                EnumSet.of(Flag.values()[0], Flag.values()[Flag.values().length - 1]), "Appeal with the invoice", "Billing",
                LocalDate.of(2026, 5, 9), new BigDecimal("184.44"),
                new DrugSource("McKesson", "Drug X 10 mg/mL", "LOT-1", LocalDate.of(2027, 1, 31), "DRUG X", "10 mg"),
                new BigDecimal("0.5"), new BigDecimal("1200.00"), "CO-16:1200.00;PR-2:30.00:1", LocalDate.of(2027, 3, 10));

        ReconciledLine back = LineCodec.decode(LineCodec.encode(line));

        assertThat(back).isEqualTo(line);
        assertThat(back.billed().scale()).isEqualTo(2);
        assertThat(back.ndcQuantity()).hasToString("2.500000");
        assertThat(LineCodec.standing(LineCodec.encode(line))).isEqualTo(new LineCodec.Standing(Status.UNDERPAID,
                new BigDecimal("184.44"), LocalDate.of(2026, 5, 9)));
    }

    @Test
    void absentValuesStayAbsent() {
        ReconciledLine line = new ReconciledLine("CLM-2", "1", null, null, "P02", null, null, null,
                LocalDate.of(2026, 1, 2), null, "J3490", null, null, null, null, null, BigDecimal.ONE,
                new BigDecimal("10.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), null, null, null, null, null,
                Status.NO_EXPECTED, List.of(), List.of(), EnumSet.noneOf(Flag.class), "", null, null,
                new BigDecimal("0.00"), new DrugSource(null, null, null, null, null, null), null, null, null, null);

        assertThat(LineCodec.decode(LineCodec.encode(line))).isEqualTo(line);
        assertThat(LineCodec.standing(LineCodec.encode(line)))
                .isEqualTo(new LineCodec.Standing(Status.NO_EXPECTED, new BigDecimal("0.00"), null));
    }

    @Test
    void anotherFormatVersionIsRefusedByName() {
        byte[] data = new byte[] {9};
        assertThatThrownBy(() -> LineCodec.decode(data)).hasMessageContaining("format version 9");
    }
}
