package org.rightstream.classify.web;

import org.rightstream.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code POST /api/classify} ({@code rightstream.classify.api.*}).
 *
 * @param maxRequestBytes the largest request body taken; a larger one gets 413 without being held in memory.
 *                        A passage is a few KB, so 100 KB leaves room for a long one.
 */
@ConfigurationProperties("rightstream.classify.api")
record ClassifyApiProperties(@DefaultValue("102400") int maxRequestBytes) {

    ClassifyApiProperties {
        // A text larger than a passage message could never reach the stream, so the API need not take it either.
        if (maxRequestBytes < 1 || maxRequestBytes > Topics.MAX_PASSAGE_MESSAGE_BYTES) {
            throw new IllegalArgumentException("rightstream.classify.api.max-request-bytes must be between 1 and "
                    + Topics.MAX_PASSAGE_MESSAGE_BYTES + ", was " + maxRequestBytes);
        }
    }
}
