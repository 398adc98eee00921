package org.rightstream.infra;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rightstream.contracts.Metrics;

/**
 * The pipeline table of {@code ./rightstream status}: per stage, passages in and out, dead letters and consumer lag
 * (from the services' {@code /actuator/prometheus}, the lag from the broker), and the stage's latency p50 / p95 over
 * the last minutes.
 */
final class StageTable {
    /** One stage: the service that runs it, its consumer group and the timer that measures it. */
    record Stage(String name, String service, ConsumerLag.Group group, String timer, String timedUnit) {
    }

    static final List<Stage> STAGES = List.of(
            new Stage(Metrics.INGEST, Stack.INGEST, new ConsumerLag.Group("ingest-service", "reports.incoming"),
                    Metrics.INGEST_LATENCY, "a report"),
            new Stage(Metrics.CLASSIFY, Stack.CLASSIFY, new ConsumerLag.Group("classify-service", "report.chunks"),
                    Metrics.CLASSIFY_LATENCY, "a passage"),
            new Stage(Metrics.INDEX, Stack.QUERY, new ConsumerLag.Group("query-service", "report.chunks.classified"),
                    Metrics.INDEX_BULK_LATENCY, "a bulk"),
            new Stage(Metrics.ALERTS, Stack.QUERY, new ConsumerLag.Group("alerts", "report.chunks.classified"),
                    Metrics.ALERTS_LATENCY, "a batch"));

    private StageTable() {
    }

    /**
     * @param metrics per service, its parsed metrics, or null when it did not answer
     * @param lags    per consumer group id, its lag; missing when unknown
     */
    static void print(PrintStream out, Map<String, PrometheusText> metrics, Map<String, Long> lags) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STAGE", "IN", "OUT", "DLQ", "LAG", "P50", "P95", "LATENCY OF"});
        for (Stage stage : STAGES) {
            rows.add(row(stage, metrics.get(stage.service()), lags.get(stage.group().id())));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(widths[i] - r[i].length());
                // The stage name left-aligned, figures right-aligned under their heading, the note as it is.
                line.append(i == 0 ? r[i] + pad : i == r.length - 1 ? r[i] : pad + r[i]).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("IN: reports (ingest), records (other stages). IN/OUT/DLQ: since the service started. P50/P95: last "
                + Metrics.PERCENTILE_WINDOW.toMinutes() + " minutes.");
    }

    static String[] row(Stage stage, PrometheusText m, Long lag) {
        String lagText = lag == null ? "?" : Long.toString(lag);
        if (m == null) {
            return new String[] {stage.name(), "down", "-", "-", lagText, "-", "-", stage.service() + " is down"};
        }
        double in = stage.name().equals(Metrics.INGEST) ? m.sum(counter(Metrics.INGEST_REPORTS))
                : m.sum(counter(Metrics.PASSAGES_IN), Metrics.STAGE, stage.name());
        double outCount = m.sum(counter(Metrics.PASSAGES_OUT), Metrics.STAGE, stage.name());
        double dlq = m.sum(counter(Metrics.DLQ), Metrics.STAGE, stage.name());
        String timer = timer(stage.timer());
        double count = m.sum(timer + "_count");
        double p50 = m.sum(timer, "quantile", "0.5");
        double p95 = m.sum(timer, "quantile", "0.95");
        String[] latency = latency(count, p50, p95);
        return new String[] {stage.name(), count(in), count(outCount), stage.name().equals(Metrics.ALERTS) ? "-" : count(dlq),
                lagText, latency[0], latency[1], stage.timedUnit() + note(stage, m)};
    }

    private static String note(Stage stage, PrometheusText m) {
        if (stage.name().equals(Metrics.INDEX)) {
            double bulks = m.sum(summary(Metrics.INDEX_BULK_SIZE) + "_count");
            double passages = m.sum(summary(Metrics.INDEX_BULK_SIZE) + "_sum");
            double rejects = m.sum(counter(Metrics.INDEX_REJECTS));
            return bulks > 0 ? String.format(Locale.ROOT, " (%.0f passages on average, %s rejected)", passages / bulks,
                    count(rejects)) : "";
        }
        if (stage.name().equals(Metrics.ALERTS)) {
            return " (alerts: " + count(m.sum(counter(Metrics.ALERTS_RAISED))) + ", notifications: "
                    + count(m.sum(counter(Metrics.ALERTS_NOTIFICATIONS))) + ")";
        }
        return "";
    }

    /** p50 and p95 as text: "-" before anything was measured, "idle" when nothing was in the recent window. */
    static String[] latency(double count, double p50, double p95) {
        if (Double.isNaN(count) || count == 0 || Double.isNaN(p95)) {
            return new String[] {"-", "-"};
        }
        if (p95 == 0) {
            return new String[] {"idle", "idle"};
        }
        return new String[] {duration(p50), duration(p95)};
    }

    static String duration(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        double ms = seconds * 1000;
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    static String count(double value) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** The Prometheus name of a Micrometer counter. */
    static String counter(String name) {
        return name.replace('.', '_') + "_total";
    }

    /** The Prometheus name of a Micrometer timer (base unit seconds). */
    static String timer(String name) {
        return name.replace('.', '_') + "_seconds";
    }

    /** The Prometheus name of a Micrometer distribution summary without a base unit. */
    static String summary(String name) {
        return name.replace('.', '_');
    }
}
