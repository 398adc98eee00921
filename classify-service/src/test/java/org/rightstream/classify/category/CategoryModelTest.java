package org.rightstream.classify.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.Taxonomy;

/**
 * The built-in model on text in the styles it will meet beyond its training reports (news items, UN review
 * paragraphs, NGO statements, written here, not taken from the seeds), its file format, and the trainer's
 * reproducibility.
 */
class CategoryModelTest {
    private static CategoryModel builtIn;

    @BeforeAll
    static void load() {
        builtIn = CategoryModels.builtIn();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "expression | The editor of an independent newspaper was fined and his website blocked after he published an"
                    + " article criticising the governor; journalists say self-censorship has grown and that libel"
                    + " suits are used to silence the press.",
            "housing | The Committee is concerned about forced evictions without adequate alternative accommodation"
                    + " and urges the State party to guarantee security of tenure and access to affordable housing"
                    + " for low-income families whose homes were demolished.",
            "environment | Residents near the smelter report that the river is polluted with heavy metals and that"
                    + " air pollution causes respiratory illness; the environmental impact assessment was never made"
                    + " public and activists who raised the issue were sued.",
            "torture | Detainees said that investigators beat them, applied electric shocks and suffocated them with"
                    + " plastic bags to force confessions; no officer was prosecuted for torture.",
            "trade-unions | The labour ministry refused to register the independent miners' union, and its leaders"
                    + " were dismissed after calling a strike over collective bargaining.",
            "lgbti | Gay men and transgender persons reported harassment by police and refusal of medical care"
                    + " because of their sexual orientation and gender identity."})
    void labelsTextInOtherStyles(String expected, String text) {
        List<CategoryScore> scores = builtIn.categorise(text, 0.25);
        assertThat(scores).isNotEmpty();
        assertThat(scores.get(0).id()).as(scores.toString()).isEqualTo(expected);
    }

    @Test
    void scoresAreSortedProbabilitiesWithThePrimaryFirst() {
        List<CategoryScore> scores = builtIn.categorise("Police detained the protest organisers for ten days and"
                + " courts fined participants of the peaceful demonstration.", 0.05);
        assertThat(scores).isNotEmpty();
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.get(i).score()).isLessThanOrEqualTo(scores.get(i - 1).score());
            assertThat(scores.get(i).score()).isGreaterThanOrEqualTo(0.05);
        }
        double[] p = builtIn.probabilities("any text at all");
        assertThat(p).hasSize(Taxonomy.get().categories().size());
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void textWithoutKnownWordsHasNoCategory() {
        assertThat(builtIn.categorise("", 0.25)).isEmpty();
        assertThat(builtIn.categorise("1234 5678 — ###", 0.25)).isEmpty();
    }

    @Test
    void theBuiltInModelIsTheOneTheCommittedTrainingDataGives() throws IOException {
        TrainingSet set = TrainingSet.read(TrainingSet.files(List.of(Path.of("training/passages"))), Taxonomy.get());
        assertThat(builtIn.modelVersion())
                .as("the built-in model is stale: run ./rightstream train and commit the model file")
                .isEqualTo(new CategoryTrainer(Taxonomy.get()).modelVersion(set));
    }

    @Test
    void trainingIsReproducibleAndTheFileRoundTrips() throws IOException {
        TrainingSet set = TrainingSet.read(List.of(CategoryEvaluationFloorTest.STATE_DEPARTMENT.get(0)), Taxonomy.get());
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        CategoryTrainer trainer = new CategoryTrainer(Taxonomy.get(), CategoryTrainer.Settings.defaults(), clock);
        CategoryModel a = trainer.train(set, s -> { }).model();
        CategoryModel b = trainer.train(set, s -> { }).model();

        ByteArrayOutputStream fileA = new ByteArrayOutputStream();
        a.write(fileA);
        ByteArrayOutputStream fileB = new ByteArrayOutputStream();
        b.write(fileB);
        assertThat(fileA.toByteArray()).isEqualTo(fileB.toByteArray());
        assertThat(a.modelVersion()).startsWith("cat" + CategoryTrainer.VERSION + "-").isEqualTo(b.modelVersion());

        CategoryModel read = CategoryModel.read(new ByteArrayInputStream(fileA.toByteArray()));
        String text = "The court sentenced the opposition leader after a closed trial without defence counsel.";
        assertThat(read.probabilities(text)).containsExactly(a.probabilities(text));
        assertThat(read.modelVersion()).isEqualTo(a.modelVersion());
        assertThat(read.trainedAt()).isEqualTo(clock.instant());
    }

    @Test
    void otherDataGivesAnotherVersion() throws IOException {
        CategoryTrainer trainer = new CategoryTrainer(Taxonomy.get());
        TrainingSet one = TrainingSet.read(List.of(CategoryEvaluationFloorTest.STATE_DEPARTMENT.get(0)), Taxonomy.get());
        TrainingSet two = TrainingSet.read(CategoryEvaluationFloorTest.STATE_DEPARTMENT.subList(0, 2), Taxonomy.get());
        assertThat(trainer.modelVersion(one)).isNotEqualTo(trainer.modelVersion(two));
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithAReason() {
        assertThatThrownBy(() -> CategoryModel.read(new ByteArrayInputStream("hello".getBytes())))
                .isInstanceOf(IOException.class);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> CategoryModel.read(new ByteArrayInputStream(gz.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a Rightstream category model");
    }

    @Test
    void badTrainingLinesFailWithFileAndLine(@TempDir Path dir) throws IOException {
        Path good = CategoryEvaluationFloorTest.STATE_DEPARTMENT.get(0);
        String first = Files.readAllLines(good).get(10);

        Path unknown = dir.resolve("unknown.jsonl");
        Files.writeString(unknown, first.replaceFirst("\"headingCategory\":\"[a-z-]+\"", "\"headingCategory\":\"astrology\"") + "\n");
        assertThatThrownBy(() -> TrainingSet.read(List.of(unknown), Taxonomy.get()))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown.jsonl:1").hasMessageContaining("astrology");

        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, first + "\n{\"text\": \n");
        assertThatThrownBy(() -> TrainingSet.read(List.of(broken), Taxonomy.get()))
                .isInstanceOf(IOException.class).hasMessageContaining("broken.jsonl:2");
    }

    @Test
    void theSameTextInTwoFilesCountsOnce(@TempDir Path dir) throws IOException {
        Path source = CategoryEvaluationFloorTest.STATE_DEPARTMENT.get(0);
        Path copy = dir.resolve("copy.jsonl");
        Files.copy(source, copy);
        TrainingSet once = TrainingSet.read(List.of(source), Taxonomy.get());
        TrainingSet twice = TrainingSet.read(List.of(source, copy), Taxonomy.get());
        assertThat(twice.passages()).hasSize(once.passages().size());
    }
}
