package org.rightstream.ingest.inbox;

import java.io.IOException;
import org.rightstream.ingest.IngestProperties;
import org.rightstream.ingest.report.ReportIngestor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** Scans the drop folder on a fixed delay; disable with {@code rightstream.ingest.inbox-enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rightstream.ingest.inbox-enabled", havingValue = "true", matchIfMissing = true)
class DropFolderConfiguration {

    @Bean
    DropFolderWatcher dropFolderWatcher(IngestProperties props, ReportIngestor ingestor, TaskScheduler scheduler)
            throws IOException {
        DropFolderWatcher watcher = new DropFolderWatcher(props.inbox(), ingestor);
        try {
            watcher.prepare();
        } catch (IOException e) {
            throw new IOException("the drop folder " + props.inbox().toAbsolutePath() + " cannot be used (" + e.getMessage()
                    + "); fix its permissions or set rightstream.ingest.inbox / RIGHTSTREAM_INGEST_INBOX", e);
        }
        scheduler.scheduleWithFixedDelay(watcher::scan, props.pollInterval());
        return watcher;
    }
}
