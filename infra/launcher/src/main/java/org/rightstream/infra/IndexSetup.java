package org.rightstream.infra;

import java.util.Collection;
import org.rightstream.contracts.Indices;

/**
 * Installs the index templates and creates each versioned index behind its alias, idempotently,
 * with plain HTTP so the launcher needs no Elasticsearch client.
 */
public final class IndexSetup {
    private IndexSetup() {
    }

    public static void apply(String esUrl, Collection<Indices.IndexSpec> specs) {
        for (Indices.IndexSpec spec : specs) {
            check(Http.put(esUrl + "/_index_template/" + spec.templateName(), spec.templateJson()),
                    "install index template " + spec.templateName());
            if (Http.get(esUrl + "/_alias/" + spec.alias()).status() == 200) {
                continue;
            }
            Http.Response created = Http.put(esUrl + "/" + spec.index(), "{}");
            if (!created.ok() && !created.body().contains("resource_already_exists_exception")) {
                check(created, "create index " + spec.index());
            }
            check(Http.post(esUrl + "/_aliases", """
                    {"actions":[{"add":{"index":"%s","alias":"%s","is_write_index":true}}]}"""
                    .formatted(spec.index(), spec.alias())), "point alias " + spec.alias() + " at " + spec.index());
        }
    }

    private static void check(Http.Response response, String what) {
        if (!response.ok()) {
            throw new LaunchException("Elasticsearch refused to " + what + ": HTTP " + response.status() + " " + response.body());
        }
    }
}
