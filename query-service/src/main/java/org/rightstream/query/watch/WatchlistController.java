package org.rightstream.query.watch;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/watchlist}: the watched persons and organisations. */
@RestController
@RequestMapping("/api/watchlist")
public class WatchlistController {
    private final WatchlistService watchlist;

    private final WatchlistCsv csv;

    public WatchlistController(WatchlistService watchlist) {
        this.watchlist = watchlist;
        this.csv = new WatchlistCsv(watchlist.rules());
    }

    public record WatchList(int total, List<WatchView> watches) {
    }

    @GetMapping
    public WatchList list() throws IOException {
        List<WatchView> all = watchlist.list().stream().map(WatchView::of).toList();
        return new WatchList(all.size(), all);
    }

    @PostMapping
    public ResponseEntity<WatchView> create(@RequestBody WatchRequest request) throws IOException {
        WatchlistService.Saved saved = watchlist.create(request.toEntry());
        return ResponseEntity.created(URI.create("/api/watchlist/" + saved.entry().id())).body(view(saved));
    }

    /**
     * Imports a CSV watchlist (columns as {@link WatchlistCsv#COLUMNS}; multiple values separated by '|'). Entries
     * whose id exists are replaced. Rows with errors refuse the whole file (400, every error listed with its line),
     * unless {@code skipInvalid=true}: then the valid rows are stored and the errors listed.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    public ResponseEntity<Map<String, Object>> importCsv(HttpServletRequest request,
                                                         @RequestParam(defaultValue = "false") boolean skipInvalid)
            throws IOException {
        WatchlistImport parsed = csv.read(request.getInputStream());
        List<String> errors = parsed.errors().stream().map(WatchlistImport.RowError::toString).toList();
        if (!errors.isEmpty() && !skipInvalid) {
            return ResponseEntity.badRequest().body(Map.of("title", "Invalid watchlist file", "status", 400,
                    "detail", errors.size() + " rows have errors; nothing was imported (skipInvalid=true imports the "
                            + "valid rows)", "errors", errors));
        }
        WatchlistService.Imported done = watchlist.putAll(parsed.entries());
        return ResponseEntity.ok(Map.of("created", done.created(), "replaced", done.replaced(), "errors", errors));
    }

    /** The whole watchlist as CSV (webhook secrets are never exported). */
    @GetMapping(path = "/export", produces = "text/csv")
    public ResponseEntity<byte[]> exportCsv() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv.write(watchlist.list(), out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"watchlist.csv\"").body(out.toByteArray());
    }

    @GetMapping("/{id}")
    public WatchView get(@PathVariable String id) throws IOException {
        return WatchView.of(watchlist.get(id).orElseThrow(() -> notFound(id)));
    }

    @PutMapping("/{id}")
    public ResponseEntity<WatchView> put(@PathVariable String id, @RequestBody WatchRequest request) throws IOException {
        WatchlistService.Saved saved = watchlist.put(id, request.toEntry());
        WatchView body = view(saved);
        return saved.created() ? ResponseEntity.created(URI.create("/api/watchlist/" + id)).body(body)
                : ResponseEntity.ok(body);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) throws IOException {
        if (!watchlist.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** How the check of what was indexed before the watch existed went: QUEUED, RUNNING, DONE or FAILED. */
    @GetMapping("/{id}/retroactive")
    public Object retroactive(@PathVariable String id) throws IOException {
        watchlist.get(id).orElseThrow(() -> notFound(id));
        return watchlist.pastMatchStatus(id).map(Object.class::cast).orElse(Map.of("state", "NONE"));
    }

    /** A generated secret is shown once, in the answer to the request that made it. */
    private static WatchView view(WatchlistService.Saved saved) {
        return saved.secretGenerated() ? WatchView.withSecret(saved.entry()) : WatchView.of(saved.entry());
    }

    private static WatchNotFoundException notFound(String id) {
        return new WatchNotFoundException("no watch with id '" + id + "'");
    }

    static final class WatchNotFoundException extends RuntimeException {
        WatchNotFoundException(String message) {
            super(message);
        }
    }

    @ExceptionHandler(InvalidWatchException.class)
    ProblemDetail invalid(InvalidWatchException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid watch");
        p.setProperty("field", e.field());
        return p;
    }

    @ExceptionHandler(InvalidWatchlistCsvException.class)
    ProblemDetail invalidFile(InvalidWatchlistCsvException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid watchlist file");
        return p;
    }

    @ExceptionHandler(WatchlistService.WatchExistsException.class)
    ProblemDetail exists(WatchlistService.WatchExistsException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Watch exists");
        p.setProperty("id", e.id());
        return p;
    }

    @ExceptionHandler(WatchNotFoundException.class)
    ProblemDetail notFound(WatchNotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("No such watch");
        return p;
    }
}
