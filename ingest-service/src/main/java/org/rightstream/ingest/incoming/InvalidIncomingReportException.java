package org.rightstream.ingest.incoming;

import org.rightstream.ingest.report.ReportRejectedException;

/**
 * A message on {@code reports.incoming} that cannot be ingested because of what the message itself is
 * (a missing or invalid header, a bad file reference), as opposed to what the report in it says
 * ({@link ReportRejectedException}). Sending it again changes nothing, so it is never retried: it goes
 * straight to the dead-letter topic. The message says what is wrong in plain words.
 */
public class InvalidIncomingReportException extends RuntimeException {

    /** What is wrong with the message; its name is the {@code x-rejection-reason} header on the dead-letter topic. */
    public enum Problem {
        /** A document sent as the message value without a {@code fileName} header. */
        MISSING_FILE_NAME,
        /** A metadata header (e.g. {@code year}) or JSON field that has a value of the wrong form. */
        INVALID_HEADER,
        /** A file reference that is not a JSON object with a string {@code "file"} field. */
        INVALID_REFERENCE,
        /** A file reference that is absolute, climbs out with {@code ..}, or is a link to a file outside the drop folder. */
        OUTSIDE_DROP_FOLDER,
        /** A file reference naming nothing that exists in the drop folder. */
        FILE_NOT_FOUND,
        /** A file reference naming a directory or a special file. */
        NOT_A_FILE,
        /** A file reference naming a file the service is not allowed to read. */
        FILE_UNREADABLE,
        /** A file reference naming a file over the report size limit. */
        FILE_TOO_LARGE
    }

    private final Problem problem;

    public InvalidIncomingReportException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public InvalidIncomingReportException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The name a dead-lettered message is labelled with: the {@link ReportRejectedException.Reason} this
     * problem amounts to where one fits (a file over the limit is {@code TOO_LARGE} however the report
     * arrived), else the problem's own name.
     */
    public String reasonName() {
        return problem == Problem.FILE_TOO_LARGE ? ReportRejectedException.Reason.TOO_LARGE.name() : problem.name();
    }
}
