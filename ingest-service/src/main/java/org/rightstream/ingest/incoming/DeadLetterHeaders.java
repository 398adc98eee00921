package org.rightstream.ingest.incoming;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.rightstream.contracts.DeadLetters;
import org.rightstream.ingest.report.ReportRejectedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The headers a dead-lettered {@code reports.incoming} message carries on top of its original headers, all
 * UTF-8 text. They describe the failure the listener saw (not the wrapper exceptions Spring adds around it).
 * Headers of an earlier dead-lettering (a message replayed from the DLQ that fails again) are replaced.
 */
public final class DeadLetterHeaders {
    /** Why the message was not ingested, in plain words. */
    public static final String EXCEPTION_MESSAGE = DeadLetters.EXCEPTION_MESSAGE;
    /** Class of the exception that says why. */
    public static final String EXCEPTION_FQCN = DeadLetters.EXCEPTION_FQCN;
    /** Class of that exception's cause, when it has one. */
    public static final String EXCEPTION_CAUSE_FQCN = "x-exception-cause-fqcn";
    /** Stack trace of that exception, cut at {@link #MAX_STACKTRACE_CHARS} characters. */
    public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";
    public static final String ORIGINAL_TOPIC = DeadLetters.ORIGINAL_TOPIC;
    public static final String ORIGINAL_PARTITION = DeadLetters.ORIGINAL_PARTITION;
    public static final String ORIGINAL_OFFSET = DeadLetters.ORIGINAL_OFFSET;
    /** Epoch milliseconds of the original record. */
    public static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";
    /**
     * For a message rejected for what it is: the {@link ReportRejectedException.Reason} name (EMPTY, TOO_LARGE,
     * UNSUPPORTED_TYPE, UNREADABLE, NOT_A_REPORT) or the {@link InvalidIncomingReportException.Problem} name
     * (MISSING_FILE_NAME, OUTSIDE_DROP_FOLDER, ...). Absent when the message was dead-lettered after
     * transient failures (retrying it later may succeed).
     */
    public static final String REJECTION_REASON = "x-rejection-reason";
    /** Present when the original value was too large to copy to the dead-letter topic; says where it is. */
    public static final String VALUE_OMITTED = DeadLetters.VALUE_OMITTED;

    static final int MAX_STACKTRACE_CHARS = 8 * 1024;

    private static final List<String> OURS = List.of(EXCEPTION_MESSAGE, EXCEPTION_FQCN, EXCEPTION_CAUSE_FQCN,
            EXCEPTION_STACKTRACE, ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET, ORIGINAL_TIMESTAMP,
            REJECTION_REASON, VALUE_OMITTED);

    private DeadLetterHeaders() {
    }

    /**
     * The exception that says why: the first {@link ReportRejectedException} or
     * {@link InvalidIncomingReportException} in the cause chain, else what the listener threw (Spring's
     * {@link ListenerExecutionFailedException} wrapper removed).
     */
    public static Throwable failure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isRejection(t)) {
                return t;
            }
        }
        Throwable t = thrown;
        while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Whether the message was refused for what it is (dead-lettered at once) rather than after failed retries. */
    public static boolean isRejection(Throwable t) {
        return t instanceof ReportRejectedException || t instanceof InvalidIncomingReportException;
    }

    /** The reason name for {@link #REJECTION_REASON}, or null for a transient failure. */
    public static String rejectionReason(Throwable thrown) {
        Throwable failure = failure(thrown);
        if (failure instanceof ReportRejectedException r) {
            return r.reason() == null ? null : r.reason().name();
        }
        if (failure instanceof InvalidIncomingReportException i) {
            return i.reasonName();
        }
        return null;
    }

    /** The plain-words reason for {@link #EXCEPTION_MESSAGE}. */
    public static String message(Throwable thrown) {
        Throwable failure = failure(thrown);
        String text = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        if (isRejection(failure)) {
            return text;
        }
        return "not ingested after retrying (transient failure, the message can be replayed): " + text;
    }

    /**
     * The {@link DeadLetterPublishingRecoverer.ExceptionHeadersCreator}: drops the headers of any earlier
     * dead-lettering, then writes the exception headers.
     */
    static void createExceptionHeaders(Headers headers, Exception exception) {
        for (String name : OURS) {
            headers.remove(name);
        }
        Throwable failure = failure(exception);
        add(headers, EXCEPTION_FQCN, failure.getClass().getName());
        if (failure.getCause() != null) {
            add(headers, EXCEPTION_CAUSE_FQCN, failure.getCause().getClass().getName());
        }
        add(headers, EXCEPTION_MESSAGE, message(exception));
        add(headers, EXCEPTION_STACKTRACE, stackTrace(failure));
    }

    /** The headers function: where the message came from, and the rejection reason when there is one. */
    static Headers recordHeaders(ConsumerRecord<?, ?> record, Exception exception) {
        Headers headers = new RecordHeaders();
        add(headers, ORIGINAL_TOPIC, record.topic());
        add(headers, ORIGINAL_PARTITION, String.valueOf(record.partition()));
        add(headers, ORIGINAL_OFFSET, String.valueOf(record.offset()));
        add(headers, ORIGINAL_TIMESTAMP, String.valueOf(record.timestamp()));
        String reason = rejectionReason(exception);
        if (reason != null) {
            add(headers, REJECTION_REASON, reason);
        }
        return headers;
    }

    static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() > MAX_STACKTRACE_CHARS ? trace.substring(0, MAX_STACKTRACE_CHARS) + "\n\t..." : trace;
    }
}
