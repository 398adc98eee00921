package org.rightstream.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed by the build (filtered from the pom), so the launcher finds what Maven produced. */
final class Versions {
    static final String ELASTICSEARCH;
    static final String PROJECT;

    static {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ELASTICSEARCH = p.getProperty("elasticsearch");
        PROJECT = p.getProperty("project");
    }

    private Versions() {
    }
}
