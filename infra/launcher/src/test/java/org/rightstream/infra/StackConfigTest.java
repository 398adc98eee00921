package org.rightstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void defaultsMatchTheDesignPortsAndKeepStateUnderTheProject() {
        StackConfig c = StackConfig.from(Path.of("/srv/rs"), Map.of());
        assertThat(c.stateDir()).isEqualTo(Path.of("/srv/rs/.rightstream"));
        assertThat(c.queryPort()).isEqualTo(8080);
        assertThat(c.ingestPort()).isEqualTo(8081);
        assertThat(c.classifyPort()).isEqualTo(8082);
        assertThat(c.kafkaPort()).isEqualTo(9092);
        assertThat(c.esPort()).isEqualTo(9200);
        assertThat(c.esHeapMb()).isEqualTo(512);
        assertThat(c.serviceHeapMb()).isLessThanOrEqualTo(384);
        assertThat(c.inbox()).isEqualTo(Path.of("/srv/rs/.rightstream/inbox"));
        assertThat(c.serviceJar("query-service").toString())
                .startsWith("/srv/rs/query-service/target/query-service-").endsWith("-exec.jar");
        assertThat(c.elasticsearchZip().getFileName().toString()).matches("elasticsearch-8\\.19\\.\\d+\\.zip");
    }

    @Test
    void environmentOverridesPortsAndStateFolder() {
        StackConfig c = StackConfig.from(Path.of("/srv/rs"), Map.of("RIGHTSTREAM_ES_PORT", "9201",
                "RIGHTSTREAM_QUERY_PORT", " 18080 ", "RIGHTSTREAM_STATE_DIR", "/var/lib/rs"));
        assertThat(c.esPort()).isEqualTo(9201);
        assertThat(c.queryPort()).isEqualTo(18080);
        assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/rs"));
    }

    @Test
    void aPortThatIsNotANumberIsNamedInTheError() {
        assertThatThrownBy(() -> StackConfig.from(Path.of("."), Map.of("RIGHTSTREAM_KAFKA_PORT", "ninety")))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("RIGHTSTREAM_KAFKA_PORT").hasMessageContaining("ninety");
    }
}
