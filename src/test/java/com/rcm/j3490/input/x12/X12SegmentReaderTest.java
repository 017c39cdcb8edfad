package com.rcm.j3490.input.x12;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12SegmentReaderTest {

    static List<X12Segment> read(String text) {
        List<X12Segment> out = new ArrayList<>();
        try (X12SegmentReader r = X12SegmentReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.835")) {
            X12Segment s;
            while ((s = r.next()) != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void trimmedIsaIsRePaddedAndReads() {
        List<X12Segment> segments = read("ISA*00* *00* *ZZ*NVMED *ZZ*999*180613*1230*^*00501*100000300*0*P*:~"
                + "GS*HP*NVMED*999*20180613*1230*1*X*005010X221A1~ST*835*0001~BPR*H*0*C*NON~SE*3*0001~GE*1*1~IEA*1*100000300~");
        assertEquals(List.of("ISA", "GS", "ST", "BPR", "SE", "GE", "IEA"), segments.stream().map(X12Segment::tag).toList());
        assertEquals("NVMED          ", segments.get(0).element(6));
        assertEquals(4, segments.get(3).position());
    }

    @Test
    void bareTransactionSetGetsItsDelimitersSniffedAndKeepsItsOwnPositions() {
        List<X12Segment> segments = read("ST|835|1~BPR|I|10|C~CLP|A1|1|10|10~SVC|HC>J3490>JW|10|10~SE|5|1~");
        assertEquals(List.of("ST", "BPR", "CLP", "SVC", "SE"), segments.stream().map(X12Segment::tag).toList());
        assertEquals(1, segments.get(0).position());
        assertEquals(4, segments.get(3).position());
        assertEquals("J3490", segments.get(3).component(1, 2));
        assertEquals("JW", segments.get(3).component(1, 3));
    }

    @Test
    void lineBreaksBetweenSegmentsAndSeveralInterchangesRead() {
        String isa = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *260101*1200*^*00501*000000001*0*P*:~\n";
        String body = "GS*HP*A*B*20260101*1200*1*X*005010X221A1~\nST*835*1~\nBPR*I*5*C~\nSE*3*1~\nGE*1*1~\nIEA*1*000000001~\n";
        List<X12Segment> segments = read(isa + body + isa + body);
        assertEquals(14, segments.size());
        assertEquals(14, segments.get(13).position());
    }

    @Test
    void theRawTextHasStandardDelimitersKeepsEmptyElementsAndComponentsInsideAndDropsTrailingOnesAndRepetitions() {
        String isa = "ISA|00|          |00|          |ZZ|A              |ZZ|B              |260101|1200|^|00501|000000001|0|P|>!";
        List<X12Segment> segments = read(isa + "GS|HP|A|B|20260101|1200|1|X|005010X221A1!ST|835|1!"
                + "SVC|HC>J3490>>JW|200|130||1!CAS|CO|45|10|||!REF|6R|A^B!LQ|HE||!SE|6|1!GE|1|1!IEA|1|000000001!");
        X12Segment svc = segments.get(3);
        assertEquals("SVC*HC:J3490::JW*200*130**1~", svc.raw());
        assertEquals(4, svc.componentCount(1));
        assertEquals(1, svc.componentCount(4), "an empty simple element has one empty component");
        assertEquals("", svc.element(4));
        assertEquals("CAS*CO*45*10~", segments.get(4).raw());
        assertEquals("REF*6R*A~", segments.get(5).raw(), "a repetition is not read");
        assertEquals("LQ*HE~", segments.get(6).raw());
        assertEquals("ST*835*1~SVC*HC:J3490::JW*200*130**1~",
                svc.appendRaw(segments.get(2).appendRaw(new StringBuilder())).toString(), "appended as they come");
    }

    @Test
    void aFileThatIsNotX12IsRefusedNamingTheFile() {
        X12FormatException e = assertThrows(X12FormatException.class, () -> read("claim_id,payer_id\n1,2\n"));
        assertTrue(e.getMessage().contains("t.835"), e.getMessage());
    }
}
