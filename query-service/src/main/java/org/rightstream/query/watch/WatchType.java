package org.rightstream.query.watch;

/** What a watch follows: persons are matched in either name order and by initials, organisations only as written. */
public enum WatchType {
    PERSON,
    ORG
}
