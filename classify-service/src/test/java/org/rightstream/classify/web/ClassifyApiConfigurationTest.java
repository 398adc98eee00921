package org.rightstream.classify.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The size limit of {@code POST /api/classify} comes from {@code rightstream.classify.api.max-request-bytes}. */
class ClassifyApiConfigurationTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ClassifyApiConfiguration.class);

    @Test
    void defaultsTo100KB() {
        context.run(c -> assertThat(c.getBean(ClassifyRequestReader.class).maxBytes()).isEqualTo(102_400));
    }

    @Test
    void takesTheConfiguredLimit() {
        context.withPropertyValues("rightstream.classify.api.max-request-bytes=2048")
                .run(c -> assertThat(c.getBean(ClassifyRequestReader.class).maxBytes()).isEqualTo(2048));
    }

    @Test
    void refusesToStartWithALimitNoPassageMessageCouldCarry() {
        context.withPropertyValues("rightstream.classify.api.max-request-bytes=0")
                .run(c -> assertThat(c).getFailure().rootCause()
                        .hasMessage("rightstream.classify.api.max-request-bytes must be between 1 and 1048576, was 0"));
        context.withPropertyValues("rightstream.classify.api.max-request-bytes=2000000")
                .run(c -> assertThat(c).getFailure().rootCause().hasMessageContaining("was 2000000"));
    }
}
