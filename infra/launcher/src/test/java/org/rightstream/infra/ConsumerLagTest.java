package org.rightstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {
    private static final TopicPartition P0 = new TopicPartition("report.chunks", 0);
    private static final TopicPartition P1 = new TopicPartition("report.chunks", 1);
    private static final TopicPartition P2 = new TopicPartition("report.chunks", 2);

    @Test
    void sumsEndMinusCommittedOverThePartitions() {
        assertThat(ConsumerLag.lag(List.of(P0, P1, P2), Map.of(P0, 10L, P1, 20L, P2, 5L),
                Map.of(P0, 0L, P1, 0L, P2, 0L), Map.of(P0, 15L, P1, 20L, P2, 105L))).isEqualTo(105);
    }

    @Test
    void aPartitionTheGroupNeverCommittedCountsFromTheEarliestOffsetStillThere() {
        // Partition 1 has had 100 records, 60 of them removed by retention; the group has committed nothing there.
        assertThat(ConsumerLag.lag(List.of(P0, P1), Map.of(P0, 7L), Map.of(P0, 0L, P1, 60L),
                Map.of(P0, 7L, P1, 100L))).isEqualTo(40);
        assertThat(ConsumerLag.lag(List.of(P0), Map.of(), Map.of(), Map.of())).isZero();
    }
}
