package org.rightstream.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading CPU time from /proc/PID/stat, and the per-request figures the benchmark prints. */
class ProcessCpuTest {

    @Test
    void userPlusSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1500 250 3 4 20 0 57 0 1234 "
                + "4000000000 70000 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcessCpu.ticks(stat)).isEqualTo(1750);
    }

    @Test
    void perRequestDividesEachProcessesCpuByTheRequestsAndAddsThemUp() {
        Map<String, Double> before = new LinkedHashMap<>();
        before.put("Elasticsearch", 10.0);
        before.put("query-service", 5.0);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("Elasticsearch", 13.0);
        after.put("query-service", 6.0);
        after.put("client", 1.0); // no reading before: left out
        assertThat(ProcessCpu.perRequest(before, after, 1000))
                .isEqualTo("4.0 ms (Elasticsearch 3.0 ms, query-service 1.0 ms)");
        assertThat(ProcessCpu.perRequest(before, after, 0)).isEqualTo("no requests");
    }

    @Test
    void thisProcessIsAlwaysMeasuredOnLinux() {
        Map<String, Double> seconds = ProcessCpu.ofStack(java.nio.file.Path.of("no-such-state-dir")).seconds();
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/stat"))) {
            assertThat(seconds).containsOnlyKeys("client");
            assertThat(seconds.get("client")).isPositive();
        }
    }

    @Test
    void distinctQueriesDifferFromEachOtherButMatchTheSame() {
        assertThat(SearchLatency.distinct("torture | beating", 7)).isEqualTo("torture | beating -zz7");
        assertThat(SearchLatency.distinct("torture", 7)).isNotEqualTo(SearchLatency.distinct("torture", 8));
    }
}
