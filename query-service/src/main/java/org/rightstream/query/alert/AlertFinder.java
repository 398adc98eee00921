package org.rightstream.query.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rightstream.contracts.Alert;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Ids;
import org.rightstream.query.watch.WatchEntry;
import org.rightstream.query.watch.WatchMatch;
import org.rightstream.query.watch.Watchlist;
import org.springframework.web.util.HtmlUtils;

/**
 * The alerts a passage raises: one per watch whose name it contains and whose filters (severity, categories,
 * countries) it passes. Where a passage names a watch several times, the alert is for the surest match, the
 * first one on a tie.
 */
public final class AlertFinder {
    /** Characters of context each side of the name in a snippet. */
    public static final int CONTEXT_CHARS = 120;

    private AlertFinder() {
    }

    public static List<Alert> find(ClassifiedChunk passage, Watchlist watchlist, boolean retroactive, Instant now) {
        if (watchlist.isEmpty() || passage.text() == null) {
            return List.of();
        }
        Map<String, WatchMatch> best = new LinkedHashMap<>();
        for (WatchMatch m : watchlist.matcher().match(passage.text())) {
            best.merge(m.watchId(), m, (a, b) -> b.score() > a.score() ? b : a);
        }
        if (best.isEmpty()) {
            return List.of();
        }
        List<String> categories = passage.categories().stream().map(CategoryScore::id).toList();
        int severity = passage.severity() == null ? 0 : passage.severity().level();
        List<Alert> alerts = new ArrayList<>(best.size());
        for (WatchMatch m : best.values()) {
            WatchEntry watch = watchlist.entry(m.watchId()).orElse(null);
            if (watch == null || !watch.admits(severity, categories, passage.country())) {
                continue;
            }
            alerts.add(new Alert(Alert.SCHEMA_VERSION, Ids.alertId(watch.id(), passage.chunkId()), watch.id(),
                    watch.name(), m.matchedText(), Math.round(m.score() * 1000) / 1000.0, passage.chunkId(),
                    passage.reportId(), passage.ordinal(), passage.title(), passage.country(), passage.year(),
                    passage.sectionPath(), categories.isEmpty() ? null : categories.get(0), categories,
                    passage.severity() == null ? null : severity, snippet(passage.text(), m.start(), m.end()),
                    retroactive, now));
        }
        return alerts;
    }

    /**
     * HTML: the text around [start, end) cut at spaces, escaped, with the name in {@code <mark>} and "…" where text
     * was left out. Escaping happens piece by piece so that only our own tags are markup.
     */
    static String snippet(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT_CHARS);
        int to = Math.min(text.length(), end + CONTEXT_CHARS);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < start ? space + 1 : from;
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > end ? space : to;
        }
        return (from > 0 ? "…" : "") + escape(text.substring(from, start)).stripLeading() + "<mark>"
                + escape(text.substring(start, end)) + "</mark>" + escape(text.substring(end, to)).stripTrailing()
                + (to < text.length() ? "…" : "");
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s.replaceAll("\\s+", " "), "UTF-8");
    }
}
