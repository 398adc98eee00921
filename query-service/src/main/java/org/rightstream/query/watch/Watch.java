package org.rightstream.query.watch;

import java.util.List;
import java.util.Objects;

/** A watched person or organisation: the name and its aliases are all matched the same way. */
public record Watch(String id, String name, List<String> aliases, WatchType type) {
    public Watch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        type = type == null ? WatchType.PERSON : type;
    }

    public static Watch person(String id, String name, String... aliases) {
        return new Watch(id, name, List.of(aliases), WatchType.PERSON);
    }

    public static Watch org(String id, String name, String... aliases) {
        return new Watch(id, name, List.of(aliases), WatchType.ORG);
    }
}
