package org.rightstream.query.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.rightstream.contracts.RightstreamJson;
import tools.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.List;
import org.rightstream.contracts.Indices;

/**
 * Installs the index templates and creates each versioned index behind its alias. Idempotent, so
 * every instance runs it on start and before indexing when Elasticsearch was not reachable then.
 */
public final class IndexInstaller {
    private final ElasticsearchClient client;
    private final List<Indices.IndexSpec> specs;
    private volatile boolean installed;

    public IndexInstaller(ElasticsearchClient client, List<Indices.IndexSpec> specs) {
        this.client = client;
        this.specs = specs;
    }

    public boolean isInstalled() {
        return installed;
    }

    public void ensureInstalled() throws IOException {
        if (installed) {
            return;
        }
        for (Indices.IndexSpec spec : specs) {
            client.indices().putIndexTemplate(t -> t.name(spec.templateName()).withJson(new StringReader(spec.templateJson())));
            if (client.indices().existsAlias(a -> a.name(spec.alias())).value()) {
                // The template only shapes new indices; fields added to it since the index was created are
                // added to the live index too (adding fields is always allowed; changing one is refused
                // loudly, and that needs the reindex to a new version instead).
                client.indices().putMapping(m -> m.index(spec.alias()).withJson(new StringReader(mappings(spec))));
                continue;
            }
            try {
                client.indices().create(c -> c.index(spec.index()).aliases(spec.alias(), a -> a.isWriteIndex(true)));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
                client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(spec.index())
                        .alias(spec.alias()).isWriteIndex(true))));
            }
        }
        installed = true;
    }

    static String mappings(Indices.IndexSpec spec) {
        JsonNode mappings = RightstreamJson.mapper().readTree(spec.templateJson()).path("template").path("mappings");
        if (!mappings.isObject()) {
            throw new IllegalStateException("index template " + spec.templateName() + " has no template.mappings");
        }
        return mappings.toString();
    }
}
