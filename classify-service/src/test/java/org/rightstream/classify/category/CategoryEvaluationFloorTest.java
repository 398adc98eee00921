package org.rightstream.classify.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Taxonomy;

/**
 * The two evaluation protocols of docs/classification.md, run on the committed training passages, with floors
 * just under the figures reached, so a change that makes the model worse fails the build. The weak label is the
 * category of the passage's section heading; the model never sees headings.
 */
class CategoryEvaluationFloorTest {
    static final Path DATA = Path.of("training/passages");
    static final List<Path> STATE_DEPARTMENT = List.of(DATA.resolve("000_c0cd92665b3e6969.jsonl"),
            DATA.resolve("001_88b3c7f96e93446b.jsonl"), DATA.resolve("002_9b4c866dd098e8d7.jsonl"));
    static final List<Path> NGO_SUBMISSION = List.of(DATA.resolve("004_4619844cdb47fa47.jsonl"));

    private final CategoryEvaluation evaluation = new CategoryEvaluation(new CategoryTrainer(Taxonomy.get()));

    @Test
    void leaveOneStateDepartmentReportOut() throws Exception {
        TrainingSet set = TrainingSet.read(STATE_DEPARTMENT, Taxonomy.get());
        CategoryEvaluation.LeaveOneOut result = evaluation.leaveOneReportOut(set, s -> { });

        assertThat(result.rotations()).hasSize(3);
        assertThat(result.pooled().total()).isEqualTo(set.passages().size());
        // Reached: mean 0.841, pooled 0.842 (target 0.80); the hardest rotation alone 0.785.
        assertThat(result.meanMacroF1()).isGreaterThanOrEqualTo(0.83);
        assertThat(result.pooled().macroF1()).isGreaterThanOrEqualTo(0.83);
        result.rotations().forEach(r -> assertThat(r.confusion().macroF1()).isGreaterThanOrEqualTo(0.77));
    }

    @Test
    void stateDepartmentToNgoSubmission() throws Exception {
        TrainingSet train = TrainingSet.read(STATE_DEPARTMENT, Taxonomy.get());
        TrainingSet test = TrainingSet.read(NGO_SUBMISSION, Taxonomy.get());

        Confusion c = evaluation.transfer(train, test, s -> { });

        assertThat(c.total()).isEqualTo(39);
        // Reached: 0.872 (34 of 39; target 0.85). Housing and environment have no State Department passages:
        // they are found from the taxonomy's descriptions alone.
        assertThat(c.accuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat(c.perCategory()).filteredOn(s -> s.category().equals("housing") || s.category().equals("environment"))
                .allSatisfy(s -> assertThat(s.recall()).isEqualTo(1.0));
    }
}
