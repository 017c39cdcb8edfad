package com.rcm.j3490.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.reconcile.LineCodec;
import com.rcm.j3490.rules.Status;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemCodecTest {
    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

    private static WorkItem resolved() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("My Priority", "1 – höchste");
        extra.put("Blank", null);
        return new WorkItem(new ItemKey("P01", "CLM-9", "2"), NIGHT.minusDays(30), Status.DENIED_CO16,
                new BigDecimal("0.00"), BacklogLines.line("CLM-9", Status.PAID_OK).paid("1210.00").build(),
                new TeamColumns("Dana", WorkStatus.APPEALED, NIGHT.plusDays(7), "called payer\nref 77", extra),
                "CO-16 → paid 1,210.00", NIGHT, NIGHT, Resolution.PAID_BY_PAYER, new BigDecimal("1210.00"));
    }

    private static WorkItem open() {
        return new WorkItem(new ItemKey("P02", "CLM-1", "1"), NIGHT, Status.UNDERPAID, new BigDecimal("10.50"),
                BacklogLines.line("CLM-1", Status.UNDERPAID).build(), null, null, null, null, null, null);
    }

    @Test
    void anItemRoundTripsAndItsLineIsCopiedAsStored() {
        for (WorkItem item : new WorkItem[] {resolved(), open()}) {
            assertThat(ItemCodec.item(ItemCodec.item(item))).isEqualTo(item);
            StoredItem stored = StoredItem.of(item);
            byte[] data = ItemCodec.item(stored);
            assertThat(data).isEqualTo(ItemCodec.item(item));
            assertThat(ItemCodec.undo(data).item().lineData()).isEqualTo(LineCodec.encode(item.line()));
        }
    }

    @Test
    void itReadsAndWritesTheLayoutDataOutputStreamWroteBefore() throws IOException {
        // undo images and team columns already in databases were written with DataOutputStream
        WorkItem item = resolved();
        byte[] before = dataOutputStreamUndo(item, NIGHT.minusDays(1), true);

        assertThat(ItemCodec.undo(new ItemCodec.Undo(item, NIGHT.minusDays(1), true))).isEqualTo(before);
        ItemCodec.Undo back = ItemCodec.undo(before);
        assertThat(back.item().item()).isEqualTo(item);
        assertThat(back.changedOn()).isEqualTo(NIGHT.minusDays(1));
        assertThat(back.openedOnChange()).isTrue();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        extra(out, item.team().extra());
        assertThat(ItemCodec.extra(item.team().extra())).isEqualTo(bytes.toByteArray());
        assertThat(ItemCodec.extra(bytes.toByteArray())).containsExactlyEntriesOf(item.team().extra());
        assertThat(ItemCodec.extra(Map.of())).isNull();
        assertThat(ItemCodec.extra((byte[]) null)).isEmpty();
    }

    @Test
    void anotherVersionOrACutImageIsRefusedByName() {
        byte[] data = ItemCodec.item(open());
        data[0] = 7;
        assertThatThrownBy(() -> ItemCodec.item(data)).hasMessageContaining("format version 7");
        byte[] cut = Arrays.copyOf(ItemCodec.item(open()), 20);
        assertThatThrownBy(() -> ItemCodec.item(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut short");
    }

    /** The writer this codec had before, kept as the reference of the stored layout. */
    private static byte[] dataOutputStreamUndo(WorkItem i, LocalDate changedOn, boolean opened) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeLong(changedOn.toEpochDay());
        out.writeBoolean(opened);
        str(out, i.key().payerId());
        str(out, i.key().claimId());
        str(out, i.key().lineNumber());
        date(out, i.firstSeen());
        str(out, i.openingStatus().name());
        str(out, i.openingBaseline() == null ? null : i.openingBaseline().toPlainString());
        byte[] line = LineCodec.encode(i.line());
        out.writeInt(line.length);
        out.write(line);
        str(out, i.team().owner());
        str(out, i.team().workStatus() == null ? null : i.team().workStatus().name());
        date(out, i.team().followUpDate());
        str(out, i.team().notes());
        extra(out, i.team().extra());
        str(out, i.lastPayerAction());
        date(out, i.lastPayerActionOn());
        date(out, i.resolvedOn());
        str(out, i.resolution() == null ? null : i.resolution().name());
        str(out, i.recovered() == null ? null : i.recovered().toPlainString());
        return bytes.toByteArray();
    }

    private static void extra(DataOutputStream out, Map<String, String> extra) throws IOException {
        out.writeInt(extra.size());
        for (Map.Entry<String, String> e : extra.entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static void date(DataOutputStream out, LocalDate d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeLong(d.toEpochDay());
        }
    }
}
