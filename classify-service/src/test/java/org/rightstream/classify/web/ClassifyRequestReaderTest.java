package org.rightstream.classify.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the reader hands the classifier. The controller test compares answers with the application's
 * classifier, which may not (yet) tell these cases apart, so they are pinned down here.
 */
class ClassifyRequestReaderTest {
    private final ClassifyRequestReader reader = new ClassifyRequestReader(1024);

    private ClassifyRequest read(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return reader.read("application/json", body.length, new ByteArrayInputStream(body));
    }

    @Test
    void theTextIsPassedOnExactlyAsSent() {
        assertThat(read("{\"text\": \"\\n  Police beat detainees.\\u00a0 \"}").text())
                .isEqualTo("\n  Police beat detainees.\u00a0 ");
    }

    @Test
    void aPassageIsNotARecommendationUnlessTheRequestSaysSo() {
        assertThat(read("{\"text\": \"a\"}").isRecommendation()).isFalse();
        assertThat(read("{\"text\": \"a\", \"isRecommendation\": false}").isRecommendation()).isFalse();
        assertThat(read("{\"text\": \"a\", \"isRecommendation\": true}").isRecommendation()).isTrue();
    }
}
