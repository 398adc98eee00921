package org.rightstream.query.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.elasticsearch.client.ResponseException;

/**
 * Whether a failed request failed only because the document exists (HTTP 409): with {@code op_type=create} that is
 * the answer "made before", not an error. Depending on the endpoint the client reports it as an
 * {@link ElasticsearchException} or as the low-level client's {@link ResponseException}, possibly wrapped.
 */
public final class Conflicts {
    private Conflicts() {
    }

    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException ee && ee.status() == 409) {
                return true;
            }
            if (t instanceof ResponseException re && re.getResponse().getStatusLine().getStatusCode() == 409) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
