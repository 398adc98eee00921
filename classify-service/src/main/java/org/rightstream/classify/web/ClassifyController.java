package org.rightstream.classify.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.rightstream.classify.Classification;
import org.rightstream.classify.PassageClassifier;
import org.rightstream.contracts.RightstreamJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/classify}: the labels the stream would give a passage with this text. */
@RestController
class ClassifyController {
    private final PassageClassifier classifier;
    private final ClassifyRequestReader reader;

    ClassifyController(PassageClassifier classifier, ClassifyRequestReader reader) {
        this.classifier = classifier;
        this.reader = reader;
    }

    /**
     * Takes the raw request rather than a bound {@code @RequestBody}: the reader checks the type and
     * the size before anything reads the body (see {@link ClassifyRequestReader}).
     */
    @PostMapping("/api/classify")
    ResponseEntity<byte[]> classify(HttpServletRequest request) throws IOException {
        ClassifyRequest in = reader.read(request.getContentType(), request.getContentLengthLong(), request.getInputStream());
        Classification labels = classifier.classifyText(in.text(), in.isRecommendation());
        // Written by the shared mapper, not Spring's, so the labels are byte for byte what the stream publishes.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(RightstreamJson.write(labels));
    }
}
