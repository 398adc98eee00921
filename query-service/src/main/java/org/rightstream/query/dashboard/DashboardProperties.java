package org.rightstream.query.dashboard;

import java.net.URI;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's view of ingest-service ({@code rightstream.dashboard.*}). The page talks only to
 * query-service, which passes report uploads and the report list on, so the browser needs no second
 * origin and no CORS.
 *
 * @param ingestUrl      base URL of ingest-service
 * @param ingestTimeout  longest an upload or listing may take on ingest-service (a 20 MiB PDF takes seconds)
 * @param maxUploadSize  largest upload body passed on: ingest-service's own limit (a 20 MiB report plus the
 *                       form around it); anything larger is refused here before a byte is sent on
 */
@ConfigurationProperties("rightstream.dashboard")
public record DashboardProperties(
        @DefaultValue("http://127.0.0.1:8081") URI ingestUrl,
        @DefaultValue("120s") Duration ingestTimeout,
        @DefaultValue("21MB") DataSize maxUploadSize) {

    public DashboardProperties {
        String scheme = ingestUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("rightstream.dashboard.ingest-url must be an http(s) URL, was " + ingestUrl);
        }
    }
}
