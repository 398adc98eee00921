package org.rightstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Metrics;

class StageTableTest {
    private static final PrometheusText INGEST = PrometheusText.parse("""
            rightstream_dlq_messages_total{application="ingest-service",stage="ingest",topic="reports.incoming.dlq"} 1.0
            rightstream_ingest_latency_seconds{application="ingest-service",quantile="0.5"} 0.905969664
            rightstream_ingest_latency_seconds{application="ingest-service",quantile="0.95"} 1.573078528
            rightstream_ingest_latency_seconds_count{application="ingest-service"} 2
            rightstream_ingest_reports_total{application="ingest-service",outcome="duplicate"} 4.0
            rightstream_ingest_reports_total{application="ingest-service",outcome="failed"} 0.0
            rightstream_ingest_reports_total{application="ingest-service",outcome="near_duplicate"} 1.0
            rightstream_ingest_reports_total{application="ingest-service",outcome="published"} 2.0
            rightstream_ingest_reports_total{application="ingest-service",outcome="rejected"} 0.0
            rightstream_passages_out_total{application="ingest-service",stage="ingest"} 291.0
            """);
    private static final PrometheusText QUERY = PrometheusText.parse("""
            rightstream_passages_in_total{application="query-service",stage="index"} 300.0
            rightstream_passages_out_total{application="query-service",stage="index"} 291.0
            rightstream_dlq_messages_total{application="query-service",stage="index",topic="report.chunks.classified.dlq"} 9.0
            rightstream_index_bulk_latency_seconds{application="query-service",quantile="0.5"} 0.0123
            rightstream_index_bulk_latency_seconds{application="query-service",quantile="0.95"} 0.0456
            rightstream_index_bulk_latency_seconds_count{application="query-service"} 6
            rightstream_index_bulk_size_count{application="query-service"} 6
            rightstream_index_bulk_size_sum{application="query-service"} 300.0
            rightstream_index_rejects_total{application="query-service"} 2.0
            rightstream_passages_in_total{application="query-service",stage="alerts"} 300.0
            rightstream_passages_out_total{application="query-service",stage="alerts"} 291.0
            rightstream_alerts_latency_seconds{application="query-service",quantile="0.5"} 0.0
            rightstream_alerts_latency_seconds{application="query-service",quantile="0.95"} 0.0
            rightstream_alerts_latency_seconds_count{application="query-service"} 9
            rightstream_alerts_raised_total{application="query-service"} 3.0
            rightstream_alerts_notifications_total{application="query-service"} 1.0
            """);

    @Test
    void aRowPerStageFromItsServicesMetricsAndItsGroupsLag() {
        assertThat(StageTable.row(stage(Metrics.INGEST), INGEST, 0L))
                .containsExactly("ingest", "7", "291", "1", "0", "906 ms", "1.6 s", "a report");
        assertThat(StageTable.row(stage(Metrics.INDEX), QUERY, 12L))
                .containsExactly("index", "300", "291", "9", "12", "12 ms", "46 ms",
                        "a bulk (50 passages on average, 2 rejected)");
        // Nothing in the percentile window: idle, not "0 ms". The alerts stage has no dead-letter topic.
        assertThat(StageTable.row(stage(Metrics.ALERTS), QUERY, null))
                .containsExactly("alerts", "300", "291", "-", "?", "idle", "idle",
                        "a batch (alerts: 3, notifications: 1)");
    }

    @Test
    void aServiceThatDidNotAnswerIsDownAndItsLagStillShows() {
        assertThat(StageTable.row(stage(Metrics.CLASSIFY), null, 42L))
                .containsExactly("classify", "down", "-", "-", "42", "-", "-", "classify-service is down");
    }

    @Test
    void printsAnAlignedTableWithAHeadingAndOneLinePerStage() {
        Map<String, PrometheusText> metrics = new HashMap<>();
        metrics.put(Stack.INGEST, INGEST);
        metrics.put(Stack.QUERY, QUERY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StageTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), metrics,
                Map.of("ingest-service", 0L, "classify-service", 5L, "query-service", 0L, "alerts", 0L));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("STAGE").contains("IN", "OUT", "DLQ", "LAG", "P50", "P95");
        assertThat(lines.subList(1, 5)).extracting(l -> l.split("\\s+")[0])
                .containsExactly("ingest", "classify", "index", "alerts");
        assertThat(lines.get(2)).contains("down").contains("classify-service is down");
        // Right-aligned figures: every row's LAG column ends where the heading's does.
        int lagEnd = lines.get(0).indexOf("LAG") + 3;
        for (String line : lines.subList(1, 5)) {
            assertThat(line.charAt(lagEnd - 1)).as(line).isNotEqualTo(' ');
            assertThat(line.charAt(lagEnd)).as(line).isEqualTo(' ');
        }
    }

    @Test
    void durationsInTheUnitThatReadsBest() {
        assertThat(StageTable.duration(0.00031)).isEqualTo("0.31 ms");
        assertThat(StageTable.duration(0.0456)).isEqualTo("46 ms");
        assertThat(StageTable.duration(2.14)).isEqualTo("2.1 s");
        assertThat(StageTable.latency(0, 0, 0)).containsExactly("-", "-");
        assertThat(StageTable.latency(Double.NaN, Double.NaN, Double.NaN)).containsExactly("-", "-");
    }

    private static StageTable.Stage stage(String name) {
        return StageTable.STAGES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
