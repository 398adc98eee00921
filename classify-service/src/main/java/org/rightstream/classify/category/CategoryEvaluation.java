package org.rightstream.classify.category;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The two evaluation protocols of the category model, both scoring the primary category against the weak
 * label (the category of the passage's section heading):
 * <ul>
 *   <li>leave one report out: for each report, train on the others, label the held-out one;</li>
 *   <li>transfer: train on one kind of report, label another kind (State Department reports to an NGO
 *       submission), which is what the product meets with every new publisher.</li>
 * </ul>
 * Every model here is trained from scratch on the training side only; nothing of a test report (not even its
 * vocabulary) is seen before it is labelled.
 */
public final class CategoryEvaluation {
    private final CategoryTrainer trainer;

    public CategoryEvaluation(CategoryTrainer trainer) {
        this.trainer = trainer;
    }

    public record Rotation(String heldOutReport, Confusion confusion) {
    }

    public record LeaveOneOut(List<Rotation> rotations, Confusion pooled) {
        public double meanMacroF1() {
            return rotations.stream().mapToDouble(r -> r.confusion().macroF1()).average().orElse(0);
        }
    }

    public LeaveOneOut leaveOneReportOut(TrainingSet set, Consumer<String> progress) {
        List<Rotation> rotations = new ArrayList<>();
        Confusion pooled = new Confusion();
        for (String report : set.reportIds()) {
            progress.accept("held out " + report + ": training on the other " + (set.reportIds().size() - 1));
            Confusion c = label(trainer.train(set.without(report), s -> progress.accept("  " + s)).model(),
                    set.only(java.util.Set.of(report)));
            rotations.add(new Rotation(report, c));
            pooled.addAll(c);
        }
        return new LeaveOneOut(rotations, pooled);
    }

    public Confusion transfer(TrainingSet train, TrainingSet test, Consumer<String> progress) {
        return label(trainer.train(train, s -> progress.accept("  " + s)).model(), test);
    }

    static Confusion label(CategoryModel model, TrainingSet test) {
        Confusion c = new Confusion();
        for (LabelledPassage p : test.passages()) {
            double[] probabilities = model.probabilities(p.text());
            c.add(p.category(), model.categories().get(CategoryTrainer.argmax(probabilities)));
        }
        return c;
    }
}
