package org.rightstream.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void aStreamWithinTheLimitPassesWhole() throws Exception {
        byte[] data = new byte[1000];
        try (var in = new LimitedInputStream(new ByteArrayInputStream(data), 1000, () -> "too large")) {
            assertThat(in.readAllBytes()).hasSize(1000);
        }
    }

    @Test
    void oneByteOverTheLimitEndsTheStreamWithTheMessage() {
        byte[] data = new byte[1001];
        var in = new LimitedInputStream(new ByteArrayInputStream(data), 1000, () -> "the upload is larger than 1000 bytes");
        assertThatThrownBy(in::readAllBytes)
                .isInstanceOf(UploadTooLargeException.class)
                .hasMessage("the upload is larger than 1000 bytes");
    }

    @Test
    void singleByteReadsCountToo() throws Exception {
        var in = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2, () -> "too large");
        assertThat(in.read()).isZero();
        assertThat(in.read()).isZero();
        assertThatThrownBy(in::read).isInstanceOf(UploadTooLargeException.class);
    }
}
