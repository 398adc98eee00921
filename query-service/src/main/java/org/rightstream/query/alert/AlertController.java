package org.rightstream.query.alert;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.rightstream.contracts.AlertNotification;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.query.search.BadParameterException;
import org.rightstream.query.search.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/alerts}: the alerts (one per watch and passage), the notifications (one per watch and report),
 * acknowledging either, and the live feed of notifications as Server-Sent Events.
 */
@RestController
@RequestMapping("/api/alerts")
public class AlertController {
    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;

    private final AlertSearch search;
    private final AlertStore store;
    private final AlertFeed feed;
    private final AlertProperties properties;
    private final Clock clock;

    public AlertController(AlertSearch search, AlertStore store, AlertFeed feed, AlertProperties properties, Clock clock) {
        this.search = search;
        this.store = store;
        this.feed = feed;
        this.properties = properties;
        this.clock = clock;
    }

    /** Alerts, newest first. */
    @GetMapping
    public AlertSearch.Page alerts(@RequestParam Map<String, String> params) throws IOException {
        return page(params, search::alerts);
    }

    /** Notifications (alerts grouped per watch and report), newest first. */
    @GetMapping("/notifications")
    public AlertSearch.Page notifications(@RequestParam Map<String, String> params) throws IOException {
        return page(params, search::notifications);
    }

    private interface PageQuery {
        AlertSearch.Page run(AlertSearch.Filter filter, int from, int size) throws IOException;
    }

    private static AlertSearch.Page page(Map<String, String> params, PageQuery query) throws IOException {
        int from = intParam(params, "from", 0, 0, MAX_WINDOW);
        int size = intParam(params, "size", 20, 1, MAX_SIZE);
        window(from, size);
        return query.run(filter(params), from, size);
    }

    /** Acknowledges an alert, or a notification with all its alerts; kept in the index, so it survives restarts. */
    @PostMapping("/{id}/ack")
    public Map<String, Object> acknowledge(@PathVariable String id) throws IOException {
        if (id.length() > 200) {
            throw new NotFoundException("no alert or notification with id '" + id.substring(0, 40) + "…'");
        }
        OptionalLong n = store.acknowledge(id, clock.instant());
        if (n.isEmpty()) {
            throw new NotFoundException("no alert or notification with id '" + id + "'");
        }
        return Map.of("id", id, "acknowledged", true, "alertsAcknowledgedNow", n.getAsLong());
    }

    /**
     * New notifications as they are made: an event {@code ready} once the subscription is live, then an event
     * {@code alert} per notification (id = notification id, data = the notification as on the alerts topic).
     * {@code watchId} limits the feed to one watch.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public ResponseEntity<SseEmitter> stream(@RequestParam(required = false) String watchId) {
        java.util.function.Predicate<AlertNotification> filter =
                watchId == null || watchId.isBlank() ? n -> true : n -> watchId.equals(n.watchId());
        return ResponseEntity.ok().header("Cache-Control", "no-store").header("X-Accel-Buffering", "no")
                .body(feed.subscribe(filter, properties.streamTimeout()));
    }

    private static AlertSearch.Filter filter(Map<String, String> p) {
        for (String name : p.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new BadParameterException(name, "is not known; use one of " + String.join(", ", KNOWN));
            }
        }
        String category = p.get("category");
        if (category != null && !category.isBlank() && !Taxonomy.get().isCategory(category)) {
            throw new BadParameterException("category", "is not a category id: '" + category + "'");
        }
        return new AlertSearch.Filter(p.get("watchId"), p.get("reportId"), p.get("country"),
                optionalInt(p, "fromYear", 1900, 2200), optionalInt(p, "toYear", 1900, 2200), category,
                optionalInt(p, "minSeverity", 1, 5), bool(p, "acknowledged"), bool(p, "retroactive"));
    }

    private static final java.util.List<String> KNOWN = java.util.List.of("watchId", "reportId", "country",
            "fromYear", "toYear", "category", "minSeverity", "acknowledged", "retroactive", "from", "size");

    private static void window(int from, int size) {
        if (from + size > MAX_WINDOW) {
            throw new BadParameterException("from", "plus size must be at most " + MAX_WINDOW + "; narrow the filters");
        }
    }

    private static Integer optionalInt(Map<String, String> p, String name, int min, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        return intParam(p, name, 0, min, max);
    }

    private static int intParam(Map<String, String> p, String name, int dflt, int min, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new BadParameterException(name, "must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be a whole number, was '" + v + "'");
        }
    }

    private static Boolean bool(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadParameterException(name, "must be true or false, was '" + v + "'");
        };
    }
}
