package org.rightstream.query.dashboard;

import org.rightstream.contracts.Taxonomy;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import java.time.Duration;

/** {@code GET /api/taxonomy}: the category ids with labels and descriptions, and the severity levels, for pickers and legends. */
@RestController
class TaxonomyController {

    @GetMapping("/api/taxonomy")
    ResponseEntity<Taxonomy> taxonomy() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(Taxonomy.get());
    }
}
