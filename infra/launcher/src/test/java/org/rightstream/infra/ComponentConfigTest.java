package org.rightstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightstream.contracts.Topics;

class ComponentConfigTest {
    @TempDir
    Path tmp;

    @Test
    void kafkaListensOnLoopbackOnlyAndTakesAWholeReportAsOneMessage() {
        String props = new KafkaBroker(tmp, tmp.resolve("kafka"), 19092, 256).serverProperties();
        assertThat(props).contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .contains("process.roles=broker,controller")
                .contains("auto.create.topics.enable=false")
                .contains("offsets.topic.replication.factor=1");
        long maxMessage = Long.parseLong(props.lines().filter(l -> l.startsWith("message.max.bytes="))
                .findFirst().orElseThrow().substring("message.max.bytes=".length()));
        assertThat(maxMessage).isGreaterThan(Topics.MAX_REPORT_BYTES);
    }

    @Test
    void elasticsearchIsASingleLoopbackNodeWithItsDataUnderTheNodeFolder() {
        Path node = tmp.resolve("es-node");
        String settings = new ElasticsearchNode(tmp.resolve("es.zip"), tmp.resolve("dist"), node, 19200, 512).settings();
        assertThat(settings).contains("discovery.type: single-node", "network.host: 127.0.0.1", "http.port: 19200",
                "xpack.security.enabled: false");
        assertThat(settings).contains("path.data: " + ElasticsearchNode.reachableByServiceUser(node).resolve("data"));
    }

    @Test
    void aPortTakenBySomeoneElseIsReportedWithTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            ElasticsearchNode es = new ElasticsearchNode(tmp.resolve("missing.zip"), tmp.resolve("dist"),
                    tmp.resolve("node"), port, 512);
            assertThatThrownBy(() -> es.start(Duration.ofSeconds(5)))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("port " + port + " is already in use")
                    .hasMessageContaining("RIGHTSTREAM_ES_PORT");
            ServiceProcess svc = new ServiceProcess("query-service", tmp.resolve("missing.jar"), tmp, port, 256, Map.of());
            assertThatThrownBy(() -> svc.start(Duration.ofSeconds(5)))
                    .isInstanceOf(LaunchException.class).hasMessageContaining("Build first");
        }
    }

    @Test
    void aMissingDistributionSaysHowToBuildIt() {
        ElasticsearchNode es = new ElasticsearchNode(tmp.resolve("nowhere/elasticsearch-8.19.21.zip"),
                tmp.resolve("dist"), tmp.resolve("node"), Processes.freePortFrom(29200), 512);
        assertThatThrownBy(() -> es.start(Duration.ofSeconds(5)))
                .isInstanceOf(LaunchException.class).hasMessageContaining("mvn -q -DskipTests package");
    }
}
