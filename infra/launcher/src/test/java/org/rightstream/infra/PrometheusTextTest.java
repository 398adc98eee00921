package org.rightstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    // As classify-service's /actuator/prometheus prints them.
    private static final String TEXT = """
            # HELP rightstream_passages_in_total records received from report.chunks, redeliveries included
            # TYPE rightstream_passages_in_total counter
            rightstream_passages_in_total{application="classify-service",stage="classify"} 291.0
            # TYPE rightstream_classify_latency_seconds summary
            rightstream_classify_latency_seconds{application="classify-service",quantile="0.5"} 0.00679936
            rightstream_classify_latency_seconds{application="classify-service",quantile="0.95"} 0.039829504
            rightstream_classify_latency_seconds_count{application="classify-service"} 291
            rightstream_dlq_messages_total{application="classify-service",stage="classify",topic="report.chunks.dlq"} 0.0
            kafka_consumer_fetch_manager_records_lag_max{client_id="c-2",partition="0",topic="reports.incoming"} NaN
            process_start_time_seconds 1.7639E9
            weird{note="a \\"quoted\\", comma, and } brace"} 2
            broken{unclosed="yes 3
            """;

    @Test
    void readsNamesLabelsAndValuesOfEverySampleLine() {
        PrometheusText p = PrometheusText.parse(TEXT);

        assertThat(p.samples()).hasSize(8);
        assertThat(p.samples().get(0)).isEqualTo(new PrometheusText.Sample("rightstream_passages_in_total",
                Map.of("application", "classify-service", "stage", "classify"), 291.0));
        assertThat(p.sum("process_start_time_seconds")).isEqualTo(1.7639E9);
        assertThat(p.samples().get(7).labels()).containsEntry("note", "a \"quoted\", comma, and } brace");
        assertThat(p.sum("kafka_consumer_fetch_manager_records_lag_max")).isNaN();
    }

    @Test
    void sumsTheSamplesWhoseLabelsMatch() {
        PrometheusText p = PrometheusText.parse(TEXT);

        assertThat(p.sum("rightstream_classify_latency_seconds", "quantile", "0.95")).isEqualTo(0.039829504);
        assertThat(p.sum("rightstream_classify_latency_seconds")).isEqualTo(0.00679936 + 0.039829504);
        assertThat(p.sum("rightstream_passages_in_total", "stage", "classify")).isEqualTo(291.0);
        assertThat(p.sum("rightstream_passages_in_total", "stage", "index")).isNaN();
        assertThat(p.sum("no_such_metric")).isNaN();
    }
}
