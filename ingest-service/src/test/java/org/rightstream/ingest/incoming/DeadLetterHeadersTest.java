package org.rightstream.ingest.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.rightstream.ingest.incoming.InvalidIncomingReportException.Problem;
import org.rightstream.ingest.report.PublishFailedException;
import org.rightstream.ingest.report.ReportRejectedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterHeadersTest {

    private static String text(Headers h, String name) {
        return h.lastHeader(name) == null ? null : new String(h.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ListenerExecutionFailedException wrapped(Exception e) {
        return new ListenerExecutionFailedException("Listener method 'onMessage' threw exception", e);
    }

    @Test
    void rejectedReportIsDescribedByItsOwnExceptionNotSpringsWrapper() {
        Headers h = new RecordHeaders();
        ListenerExecutionFailedException e = wrapped(
                new ReportRejectedException(ReportRejectedException.Reason.EMPTY, "the file is empty"));

        DeadLetterHeaders.createExceptionHeaders(h, e);
        DeadLetterHeaders.recordHeaders(new ConsumerRecord<>("reports.incoming", 2, 17L, "k", new byte[0]), e)
                .forEach(h::add);

        assertThat(text(h, "x-exception-message")).isEqualTo("the file is empty");
        assertThat(text(h, "x-exception-fqcn")).isEqualTo(ReportRejectedException.class.getName());
        assertThat(text(h, "x-exception-stacktrace")).contains("ReportRejectedException");
        assertThat(text(h, "x-rejection-reason")).isEqualTo("EMPTY");
        assertThat(text(h, "x-original-topic")).isEqualTo("reports.incoming");
        assertThat(text(h, "x-original-partition")).isEqualTo("2");
        assertThat(text(h, "x-original-offset")).isEqualTo("17");
    }

    @Test
    void invalidMessageCarriesItsProblemAsTheReason() {
        Exception e = wrapped(new InvalidIncomingReportException(Problem.MISSING_FILE_NAME, "no fileName header"));

        assertThat(DeadLetterHeaders.rejectionReason(e)).isEqualTo("MISSING_FILE_NAME");
        assertThat(DeadLetterHeaders.message(e)).isEqualTo("no fileName header");
        assertThat(DeadLetterHeaders.rejectionReason(
                new InvalidIncomingReportException(Problem.FILE_TOO_LARGE, "big"))).isEqualTo("TOO_LARGE");
    }

    @Test
    void transientFailureHasNoRejectionReasonAndSaysItCanBeReplayed() {
        Exception e = wrapped(new PublishFailedException("Kafka did not acknowledge the passages", new RuntimeException("timeout")));

        assertThat(DeadLetterHeaders.rejectionReason(e)).isNull();
        assertThat(DeadLetterHeaders.message(e)).contains("Kafka did not acknowledge the passages").contains("replayed");
        Headers h = new RecordHeaders();
        DeadLetterHeaders.createExceptionHeaders(h, e);
        assertThat(text(h, "x-exception-fqcn")).isEqualTo(PublishFailedException.class.getName());
        assertThat(text(h, "x-exception-cause-fqcn")).isEqualTo(RuntimeException.class.getName());
    }

    @Test
    void headersOfAnEarlierDeadLetteringAreReplacedNotDuplicated() {
        Headers h = new RecordHeaders();
        h.add("fileName", "a.txt".getBytes(StandardCharsets.UTF_8));
        h.add("x-exception-message", "old".getBytes(StandardCharsets.UTF_8));
        h.add("x-rejection-reason", "NOT_A_REPORT".getBytes(StandardCharsets.UTF_8));
        h.add("x-original-offset", "3".getBytes(StandardCharsets.UTF_8));

        DeadLetterHeaders.createExceptionHeaders(h, new ReportRejectedException(ReportRejectedException.Reason.EMPTY, "new"));

        assertThat(h.headers("x-exception-message")).hasSize(1);
        assertThat(text(h, "x-exception-message")).isEqualTo("new");
        assertThat(h.headers("x-rejection-reason")).isEmpty();
        assertThat(h.headers("x-original-offset")).isEmpty();
        assertThat(text(h, "fileName")).isEqualTo("a.txt");
    }
}
