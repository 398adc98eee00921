package org.rightstream.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageFurnitureTest {

    private static List<SourceLine> lines(String text) {
        List<SourceLine> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            out.add(new SourceLine(l, 0));
        }
        return out;
    }

    private static List<String> dropped(String text) {
        List<SourceLine> lines = lines(text);
        BitSet drop = PageFurniture.find(lines);
        List<String> out = new ArrayList<>();
        drop.stream().forEach(i -> out.add(lines.get(i).text().strip()));
        return out;
    }

    @Test
    void aRunningHeaderWithAPageCounterAndTheLinesBesideItAreFound() {
        String text = """
                The tribunal heard the case in March and
                acquitted the defendants.

                ATLANTIS 7
                Annual Review of Civic Freedoms 2031
                Published by the Monitoring Office

                The appeal was rejected in May.
                Further hearings followed.

                ATLANTIS 8
                Annual Review of Civic Freedoms 2031
                Published by the Monitoring Office

                Journalists reported threats.
                """;
        assertThat(dropped(text)).containsExactlyInAnyOrder("ATLANTIS 7", "ATLANTIS 8",
                "Annual Review of Civic Freedoms 2031", "Annual Review of Civic Freedoms 2031",
                "Published by the Monitoring Office", "Published by the Monitoring Office");
    }

    @Test
    void aSentenceRunningAcrossThePageBreakKeepsItsFirstHalf() {
        String text = """
                More detainees than last year were held without charge relative to their

                ATLANTIS 12
                Annual Review of Civic Freedoms 2031

                legal status.  The office recorded 40 cases.
                Another line.

                ATLANTIS 13
                Annual Review of Civic Freedoms 2031
                """;
        assertThat(dropped(text)).doesNotContain("More detainees than last year were held without charge relative to their")
                .contains("ATLANTIS 12", "Annual Review of Civic Freedoms 2031");
    }

    @Test
    void aLonePageNumberAndTheHeaderAboveItGoEvenOnce() {
        String text = """
                Authorities fined the organisers.
                Quarterly Bulletin on Assembly Rights
                REPUBLIC OF ATLANTIS

                19

                The court upheld the fine.
                """;
        assertThat(dropped(text)).containsExactlyInAnyOrder("19", "Quarterly Bulletin on Assembly Rights",
                "REPUBLIC OF ATLANTIS");
    }

    @Test
    void repeatedHeadingsAndNumberedSectionsAreNotFurniture() {
        String text = """
                Recommendations:
                Repeal the law.

                II. Trade unions
                Unions were closed.

                Recommendations:
                Register the unions.
                Page 3 of 9
                b. Disappearance
                There were no reports.
                """;
        assertThat(dropped(text)).containsExactly("Page 3 of 9");
    }

    @Test
    void withPagesKnownShortLinesAtThePageEdgesOfManyPagesAreFound() {
        List<SourceLine> lines = new ArrayList<>();
        String[] places = {"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"};
        for (int page = 1; page <= 6; page++) {
            lines.add(new SourceLine("Confidential draft for the review board", page));
            lines.add(new SourceLine("Monitors in " + places[page - 1] + " described the events in detail.", page));
            lines.add(new SourceLine("The " + places[page - 1] + " office wrote a long sentence about it.", page));
        }
        BitSet drop = PageFurniture.find(lines);
        assertThat(drop.cardinality()).isEqualTo(6);
        drop.stream().forEach(i -> assertThat(lines.get(i).text()).startsWith("Confidential"));
    }
}
