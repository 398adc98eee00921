package org.rightstream.query.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Alert;
import org.rightstream.contracts.AlertNotification;
import org.rightstream.contracts.Ids;

class AlertGrouperTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static Alert alert(String watchId, String reportId, int ordinal, int severity, String category, boolean retroactive) {
        String chunkId = Ids.chunkId(reportId, ordinal);
        return new Alert(Alert.SCHEMA_VERSION, Ids.alertId(watchId, chunkId), watchId, "Name of " + watchId, "Name",
                1.0, chunkId, reportId, ordinal, "Report " + reportId, "Kazakhstan", 2021, List.of("Section 1"),
                category, List.of(category), severity, "<mark>Name</mark>", retroactive, T0);
    }

    @Test
    void perReportAGroupWaitsForTheReportsEndThenHoldsEveryPassage() {
        AlertGrouper grouper = new AlertGrouper(AlertGrouping.PER_REPORT, Duration.ofSeconds(2));
        grouper.add(List.of(alert("w1", "r1", 2, 3, "expression", false), alert("w2", "r1", 2, 2, "expression", false)), T0);
        grouper.add(List.of(alert("w1", "r1", 7, 5, "arbitrary-detention", false)), T0);

        assertThat(grouper.takeReady(T0.plusMillis(100))).isEmpty();

        grouper.reportEnded("r1");
        List<AlertGroup> ready = grouper.takeReady(T0.plusMillis(100));

        assertThat(ready).extracting(AlertGroup::notificationId)
                .containsExactlyInAnyOrder(Ids.notificationId("w1", "r1"), Ids.notificationId("w2", "r1"));
        AlertGroup w1 = ready.stream().filter(g -> g.watchId().equals("w1")).findFirst().orElseThrow();
        assertThat(w1.alerts()).extracting(Alert::ordinal).containsExactly(2, 7);
        assertThat(grouper.pendingGroups()).isZero();
    }

    @Test
    void aGroupWhoseReportDoesNotEndGoesOutAfterTheLinger() {
        AlertGrouper grouper = new AlertGrouper(AlertGrouping.PER_REPORT, Duration.ofSeconds(2));
        grouper.add(List.of(alert("w1", "r1", 2, 3, "expression", false)), T0);
        grouper.add(List.of(alert("w1", "r1", 4, 3, "expression", false)), T0.plusSeconds(1));

        assertThat(grouper.takeReady(T0.plusMillis(2_500))).as("linger counts from the last alert").isEmpty();
        assertThat(grouper.takeReady(T0.plusSeconds(3))).singleElement()
                .satisfies(g -> assertThat(g.alerts()).hasSize(2));
    }

    @Test
    void alertsOfAReportThatEndedEarlierGoOutAtOnce() {
        AlertGrouper grouper = new AlertGrouper(AlertGrouping.PER_REPORT, Duration.ofSeconds(2));
        grouper.reportEnded("r1");
        grouper.add(List.of(alert("w1", "r1", 2, 3, "expression", false)), T0);

        assertThat(grouper.takeReady(T0)).hasSize(1);
    }

    @Test
    void perPassageEveryAlertIsItsOwnNotificationAtOnce() {
        AlertGrouper grouper = new AlertGrouper(AlertGrouping.PER_PASSAGE, Duration.ofSeconds(2));
        Alert a = alert("w1", "r1", 2, 3, "expression", false);
        Alert b = alert("w1", "r1", 3, 3, "expression", false);
        grouper.add(List.of(a, b), T0);

        assertThat(grouper.takeReady(T0)).extracting(AlertGroup::notificationId)
                .containsExactlyInAnyOrder(a.alertId(), b.alertId());
    }

    @Test
    void aNotificationCountsEveryPassageButListsAtMostTheLimit() {
        List<Alert> alerts = List.of(alert("w1", "r1", 9, 2, "arbitrary-detention", true), alert("w1", "r1", 1, 5, "expression", true),
                alert("w1", "r1", 4, 3, "expression", true));
        AlertNotification n = new AlertGroup(Ids.notificationId("w1", "r1"), alerts).toNotification(T0, 2);

        assertThat(n.passages()).isEqualTo(3);
        assertThat(n.alerts()).extracting(Alert::ordinal).containsExactly(1, 4);
        assertThat(n.maxSeverity()).isEqualTo(5);
        assertThat(n.categories()).containsExactly("expression", "arbitrary-detention");
        assertThat(n.retroactive()).isTrue();
        assertThat(n.watchId()).isEqualTo("w1");
        assertThat(n.reportId()).isEqualTo("r1");
    }

    @Test
    void aNotificationIsRetroactiveOnlyIfAllItsAlertsAre() {
        AlertNotification n = new AlertGroup("w1:r1", List.of(alert("w1", "r1", 1, 2, "arbitrary-detention", true),
                alert("w1", "r1", 2, 2, "arbitrary-detention", false))).toNotification(T0, 20);

        assertThat(n.retroactive()).isFalse();
    }
}
