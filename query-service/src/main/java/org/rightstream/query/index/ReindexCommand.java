package org.rightstream.query.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.rightstream.contracts.Indices;

/**
 * {@code ./rightstream reindex [--elasticsearch URL] [ALIAS]}: moves an alias (default report-chunks) to the next
 * version of its index with the current mapping, without stopping the services. Prints progress and a summary.
 */
public final class ReindexCommand {
    private ReindexCommand() {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:" + System.getenv().getOrDefault("RIGHTSTREAM_ES_PORT", "9200");
        String alias = Indices.REPORT_CHUNKS.alias();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--elasticsearch") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].startsWith("-")) {
                System.err.println("usage: reindex [--elasticsearch URL] [ALIAS]   (aliases: report-chunks, alerts, watchlist)");
                System.exit(2);
            } else {
                alias = args[i];
            }
        }
        String wanted = alias;
        Indices.IndexSpec spec = Indices.ALL.stream().filter(s -> s.alias().equals(wanted)).findFirst().orElse(null);
        if (spec == null) {
            System.err.println("unknown alias '" + alias + "'; one of report-chunks, alerts, watchlist");
            System.exit(2);
        }
        URI uri = URI.create(url);
        try (RestClient rest = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            AliasMigration.Result r = new AliasMigration(client, Clock.systemUTC(), System.out::println).migrate(spec);
            System.out.printf(Locale.ROOT, "reindex: done: %s -> %s, %d documents copied, %d caught up, %.1f s;"
                    + " the old index %s is kept (delete it when satisfied)%n", r.from(), r.to(), r.copied(),
                    r.caughtUp(), r.seconds(), r.from());
        } catch (Exception e) {
            System.err.println("reindex: failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
