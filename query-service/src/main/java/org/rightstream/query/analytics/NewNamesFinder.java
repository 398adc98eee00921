package org.rightstream.query.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "What's new this year": the persons and organisations named in the later year's passages that the
 * earlier year's passages do not mention. A name counts as mentioned earlier if it was extracted there
 * as an entity of any type, or if its words occur in the earlier passages' text at all (so a name the
 * entity rules missed in one year, or wrote as "Tokayev's", is not reported as new). Both checks compare
 * like {@link Names#key}: case, punctuation and spacing are ignored.
 */
final class NewNamesFinder {
    static final String PERSON = "PERSON";
    static final String ORG = "ORG";
    static final String MATCHING = Names.MATCHING + "; a name is new if the"
            + " earlier year's passages neither name it as an entity nor contain its words in their text";

    private final Set<String> earlierEntities = new HashSet<>();
    private final TextIndex earlierText = new TextIndex();
    private final Map<String, NameTally> laterPersons = new LinkedHashMap<>();
    private final Map<String, NameTally> laterOrganisations = new LinkedHashMap<>();

    void addEarlier(ScannedPassage p) {
        earlierText.add(p.text());
        for (ScannedPassage.ScannedEntity e : p.entities()) {
            String key = Names.key(e.text());
            if (!key.isEmpty()) {
                earlierEntities.add(key);
            }
        }
    }

    void addLater(ScannedPassage p) {
        for (ScannedPassage.ScannedEntity e : p.entities()) {
            Map<String, NameTally> tallies = e.is(PERSON) ? laterPersons : e.is(ORG) ? laterOrganisations : null;
            String key = Names.key(e.text());
            if (tallies != null && !key.isEmpty()) {
                tallies.computeIfAbsent(key, NameTally::new).add(p, e);
            }
        }
    }

    Comparison.NameGroup newPersons(int limit, int passagesPerName) {
        return group(laterPersons, limit, passagesPerName);
    }

    Comparison.NameGroup newOrganisations(int limit, int passagesPerName) {
        return group(laterOrganisations, limit, passagesPerName);
    }

    boolean isNew(String name) {
        String key = Names.key(name);
        return !key.isEmpty() && !earlierEntities.contains(key) && !earlierText.containsName(key);
    }

    private Comparison.NameGroup group(Map<String, NameTally> tallies, int limit, int passagesPerName) {
        List<NameTally> fresh = new ArrayList<>();
        for (NameTally t : tallies.values()) {
            if (!earlierEntities.contains(t.key) && !earlierText.containsName(t.key)) {
                fresh.add(t);
            }
        }
        fresh.sort(NameTally::byPassagesThenName);
        List<Comparison.NewName> names = new ArrayList<>();
        for (NameTally t : fresh.subList(0, Math.min(limit, fresh.size()))) {
            String name = t.name();
            List<Comparison.PassageRef> examples = t.firstOccurrences(passagesPerName).stream()
                    .map(o -> new Comparison.PassageRef(o.passage().chunkId(), o.passage().reportId(),
                            Snippets.around(o.passage().text(), o.entity().text(), o.entity().start(), o.entity().end())))
                    .toList();
            names.add(new Comparison.NewName(name, t.passages(), examples));
        }
        return new Comparison.NameGroup(fresh.size(), names);
    }
}
