package org.rightstream.query.analytics;

import java.util.ArrayList;
import java.util.List;

/** Scanned passages for the tests: entities are given as "TYPE:text" and found in the text. */
final class Passages {
    private Passages() {
    }

    static ScannedPassage passage(String chunkId, int year, String text, String... entities) {
        List<ScannedPassage.ScannedEntity> list = new ArrayList<>();
        for (String e : entities) {
            String type = e.substring(0, e.indexOf(':'));
            String name = e.substring(e.indexOf(':') + 1);
            int start = text.indexOf(name);
            list.add(new ScannedPassage.ScannedEntity(name, type, start, start < 0 ? null : start + name.length()));
        }
        return new ScannedPassage(chunkId, chunkId.substring(0, chunkId.indexOf('-')), year, text, list);
    }
}
