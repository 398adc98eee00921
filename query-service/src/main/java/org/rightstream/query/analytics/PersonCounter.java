package org.rightstream.query.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, per year, the passages that name each person (an entity of type PERSON; a passage naming
 * someone twice counts once). Names compare like {@link Names#key}.
 */
final class PersonCounter {
    private final Map<Integer, Map<String, NameTally>> byYear = new TreeMap<>();
    private final Map<Integer, Long> passagesNamingPersons = new HashMap<>();

    void add(ScannedPassage p) {
        if (p.year() == null) {
            return;
        }
        Map<String, NameTally> tallies = byYear.computeIfAbsent(p.year(), y -> new HashMap<>());
        boolean namesAPerson = false;
        for (ScannedPassage.ScannedEntity e : p.entities()) {
            String key = Names.key(e.text());
            if (e.is(NewNamesFinder.PERSON) && !key.isEmpty()) {
                tallies.computeIfAbsent(key, NameTally::new).add(p, e);
                namesAPerson = true;
            }
        }
        if (namesAPerson) {
            passagesNamingPersons.merge(p.year(), 1L, Long::sum);
        }
    }

    List<PersonTrends.PersonYear> top(int n) {
        List<PersonTrends.PersonYear> years = new ArrayList<>();
        byYear.forEach((year, tallies) -> {
            if (tallies.isEmpty()) {
                return;
            }
            List<NameTally> sorted = new ArrayList<>(tallies.values());
            sorted.sort(NameTally::byPassagesThenName);
            List<PersonTrends.PersonCount> persons = sorted.subList(0, Math.min(n, sorted.size())).stream()
                    .map(t -> new PersonTrends.PersonCount(t.name(), t.passages()))
                    .toList();
            years.add(new PersonTrends.PersonYear(year, passagesNamingPersons.getOrDefault(year, 0L), tallies.size(),
                    persons));
        });
        return years;
    }
}
