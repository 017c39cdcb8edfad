package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rework-action and team tables of docs/reconciliation-rules.md (sections 10 and 11) read
 * back and checked against the code: a text or a routing changed on one side only fails here.
 */
class RuleDocsTest {
    private static final Path DOC = Path.of("docs/reconciliation-rules.md");
    private static final Pattern CODE = Pattern.compile("`([A-Z0-9_]+)`");
    private static String doc;

    private final ReworkAdvisor advisor = new ReworkAdvisor(Lines.DESCRIPTIONS);

    @BeforeAll
    static void read() throws IOException {
        doc = Files.readString(DOC);
    }

    /** The rows (cells trimmed) of the markdown tables between two headings, header and rule lines left out. */
    private static List<List<String>> rows(String fromHeading, String toHeading) {
        String section = doc.substring(doc.indexOf(fromHeading), doc.indexOf(toHeading));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = null;
        for (String lineText : section.lines().toList()) {
            if (!lineText.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = Arrays.stream(lineText.substring(1, lineText.length() - 1).split("\\|"))
                    .map(String::trim).toList();
            if (header == null) {
                header = cells;
            } else if (!cells.get(0).startsWith("---")) {
                List<String> row = new ArrayList<>(header.subList(0, 1));
                row.addAll(cells);
                rows.add(row); // first cell: the table's first header, to tell the tables apart
            }
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void theActionOfEachStatusIsTheDocumentedText() {
        List<List<String>> statusRows = rows("## 10. Rework actions", "## 11.").stream()
                .filter(r -> r.get(0).equals("status")).toList();
        assertThat(statusRows).extracting(r -> codes(r.get(1)).get(0))
                .containsExactlyInAnyOrder(Arrays.stream(Status.values()).map(Status::name).toArray(String[]::new));
        for (List<String> row : statusRows) {
            Status status = Status.valueOf(codes(row.get(1)).get(0));
            String documented = row.get(2);
            switch (status) {
                case DENIED_CO16 -> assertThat(documented).startsWith("refined by remark code");
                case PAID_OK -> assertThat(advisor.action(status, line().build())).as("PAID_OK: %s", documented).isNull();
                case DENIED_OTHER -> assertThat(advisor.action(status, line().paid("0").adjustments("CO-97:80.00").build()))
                        .isEqualTo(documented.replace("*GROUP-REASON*", "CO-97")
                                .replace("*description*", Lines.DESCRIPTIONS.carc("97")));
                default -> assertThat(advisor.action(status, line().build())).as(status.name()).isEqualTo(documented);
            }
        }
    }

    @Test
    void theCo16LadderIsTheDocumentedOneInOrder() {
        List<List<String>> ladder = rows("## 10. Rework actions", "## 11.").stream()
                .filter(r -> r.get(0).equals("remark codes on the line")).toList();
        assertThat(ladder).hasSize(Co16Remedy.values().length);
        for (int i = 0; i < ladder.size(); i++) {
            Co16Remedy row = Co16Remedy.values()[i];
            String remarks = ladder.get(i).get(1);
            assertThat(codes(remarks)).as("row %d", i + 1).isEqualTo(row.remarks());
            assertThat(ladder.get(i).get(2)).as(remarks).isEqualTo(row.action());
            String[] onLine = row.remarks().isEmpty() ? new String[] {"N56"} : row.remarks().toArray(String[]::new);
            assertThat(advisor.action(Status.DENIED_CO16, line().paid("0").adjustments("CO-16:100").remarks(onLine)
                    .build())).isEqualTo(row.action());
        }
    }

    @Test
    void theStatus4ActionIsTheDocumentedText() {
        String action = advisor.action(Status.DENIED_OTHER, line().claimStatus("4").paid("0").build());
        assertThat(doc).contains("```\n" + action + "\n```");
    }

    @Test
    void theTeamOfEachStatusAndRemarkIsTheDocumentedOne() {
        List<List<String>> teams = rows("## 11. Team routing", "## 12.").stream()
                .filter(r -> r.get(0).equals("status")).toList();
        assertThat(teams).isNotEmpty();
        for (List<String> row : teams) {
            String what = row.get(1);
            String team = row.get(2);
            List<String> codes = codes(what.contains("(") ? what.substring(0, what.indexOf('(')) : what);
            Status status = Status.valueOf(codes.get(0));
            if (status == Status.DENIED_CO16) {
                List<String> remarks = codes.subList(1, codes.size());
                for (String remark : remarks.isEmpty() ? List.of("N56") : remarks) {
                    assertThat(TeamRouter.team(status, line().remarks(remark).build())).as(what).isEqualTo(team);
                }
            } else if (status == Status.DENIED_OTHER) {
                assertThat(team).startsWith("by CARC");
            } else {
                for (String name : codes) {
                    String expected = team.equals("none") ? null : team;
                    assertThat(TeamRouter.team(Status.valueOf(name), line().build())).as(name).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theTeamOfADeniedOtherLineFollowsTheDocumentedReasonCodes() {
        List<List<String>> carcs = rows("## 11. Team routing", "## 12.").stream()
                .filter(r -> r.get(0).startsWith("reason codes")).toList();
        assertThat(carcs).hasSize(3);
        for (List<String> row : carcs) {
            String cell = row.get(1);
            List<String> reasons = cell.startsWith("none") ? List.of("97")
                    : Arrays.stream(cell.substring(0, cell.indexOf('(')).split(",")).map(String::trim).toList();
            for (String reason : reasons) {
                // a larger CO-45 and a PR are passed over: the largest other adjustment decides
                RemittanceLine l = line().paid("0").adjustments("CO-45:900.00", "PR-1:500.00", "OA-" + reason + ":80.00",
                        "CO-97:10.00").build();
                assertThat(TeamRouter.team(Status.DENIED_OTHER, l)).as("CARC " + reason).isEqualTo(row.get(2));
            }
        }
    }
}
