package org.rightstream.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.ingest.Seeds;
import org.rightstream.ingest.clean.ReportCleaner;
import org.rightstream.ingest.dedup.NearDuplicateIndex.Match;

/**
 * The real seeds: 000, 001 and 002 are State Department reports on the same country for 2012, 2017
 * and 2021 (same structure, different years); 003 is an NGO submission extracted from PDF and 004 the
 * same submission as markdown.
 */
class SeedNearDuplicatesTest {
    private static final List<String> STATE_DEPARTMENT = List.of("000", "001", "002");
    private static final List<String> NGO = List.of("003", "004");
    private static final MinHasher HASHER = new MinHasher();
    private static final Map<String, MinHashSignature> SIGNATURES = new LinkedHashMap<>();

    @BeforeAll
    static void signSeeds() {
        ReportCleaner cleaner = new ReportCleaner();
        for (String seed : List.of("000", "001", "002", "003", "004")) {
            String text = new String(Seeds.bytes(seed), StandardCharsets.UTF_8);
            String clean = cleaner.clean(text, text.indexOf('\f') >= 0).text();
            SIGNATURES.put(seed, HASHER.sign(clean));
        }
        StringBuilder table = new StringBuilder("Seed similarities (" + HASHER.version() + "):\n     ");
        SIGNATURES.keySet().forEach(s -> table.append(String.format("%7s", s)));
        for (Map.Entry<String, MinHashSignature> row : SIGNATURES.entrySet()) {
            table.append('\n').append(String.format("%5s", row.getKey()));
            for (MinHashSignature column : SIGNATURES.values()) {
                table.append(String.format("%7.3f", row.getValue().similarity(column)));
            }
        }
        System.out.println(table);
    }

    private static double similarity(String a, String b) {
        return SIGNATURES.get(a).similarity(SIGNATURES.get(b));
    }

    private static NearDuplicateIndex indexOfAllSeeds() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        SIGNATURES.forEach(index::add);
        return index;
    }

    @Test
    void theNgoSubmissionAsPdfTextAndAsMarkdownAreNearDuplicates() {
        assertThat(similarity("003", "004")).isGreaterThanOrEqualTo(0.8);
        NearDuplicateIndex index = indexOfAllSeeds();
        assertThat(index.findMostSimilar(SIGNATURES.get("004"), "004")).get().extracting(Match::reportId)
                .isEqualTo("003");
        assertThat(index.findMostSimilar(SIGNATURES.get("003"), "003")).get().extracting(Match::reportId)
                .isEqualTo("004");
    }

    @Test
    void stateDepartmentReportsOfDifferentYearsAreNotNearDuplicates() {
        for (String a : STATE_DEPARTMENT) {
            for (String b : STATE_DEPARTMENT) {
                if (a.compareTo(b) < 0) {
                    assertThat(similarity(a, b)).as("%s vs %s", a, b).isLessThan(NearDuplicateIndex.DEFAULT_THRESHOLD);
                }
            }
        }
        NearDuplicateIndex index = indexOfAllSeeds();
        for (String seed : STATE_DEPARTMENT) {
            assertThat(index.findMostSimilar(SIGNATURES.get(seed), seed)).as(seed).isEmpty();
        }
    }

    @Test
    void noStateDepartmentReportResemblesTheNgoSubmission() {
        assertThat(similarity("000", "003")).isLessThan(0.05);
        for (String state : STATE_DEPARTMENT) {
            for (String ngo : NGO) {
                assertThat(similarity(state, ngo)).as("%s vs %s", state, ngo).isLessThan(0.05);
            }
        }
    }

    @Test
    void signaturesSurviveTheRegistryRoundTrip() {
        SIGNATURES.forEach((seed, sig) -> assertThat(MinHashSignature.decode(sig.encode())).as(seed).isEqualTo(sig));
    }
}
