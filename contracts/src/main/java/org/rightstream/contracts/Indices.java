package org.rightstream.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Elasticsearch indices of the design. Reads and writes go through the alias; the versioned
 * index behind it is what a re-index replaces, by switching the alias.
 */
public final class Indices {
    public static final IndexSpec REPORT_CHUNKS = new IndexSpec("report-chunks", 1);
    public static final IndexSpec ALERTS = new IndexSpec("alerts", 1);
    /** One document per notification (watch + report): what was notified, and whether it was acknowledged. */
    public static final IndexSpec ALERT_GROUPS = new IndexSpec("alert-groups", 1);
    public static final IndexSpec WATCHLIST = new IndexSpec("watchlist", 1);
    public static final List<IndexSpec> ALL = List.of(REPORT_CHUNKS, ALERTS, ALERT_GROUPS, WATCHLIST);

    private Indices() {
    }

    /**
     * @param alias   the name clients read and write through
     * @param version the mapping version; the concrete index is {@code alias-v<version>}
     */
    public record IndexSpec(String alias, int version) {
        public String index() {
            return alias + "-v" + version;
        }

        public String templateName() {
            return alias + "-template";
        }

        /**
         * The index template body ({@code _index_template} API) from the classpath; its pattern
         * matches every version of the index, so a re-index creates the next version with it.
         */
        public String templateJson() {
            String resource = "/rightstream/elasticsearch/" + alias + ".template.json";
            try (InputStream in = Indices.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
