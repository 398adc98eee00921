package org.rightstream.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashSignatureTest {

    @Test
    void encodeDecodeRoundTrip() {
        MinHashSignature sig = new MinHasher().sign("A report on the situation of human rights defenders in 2021.");
        String encoded = sig.encode();
        assertThat(encoded).hasSize(683).matches("[A-Za-z0-9_-]+");
        MinHashSignature decoded = MinHashSignature.decode(encoded);
        assertThat(decoded).isEqualTo(sig).hasSameHashCodeAs(sig);
        assertThat(decoded.similarity(sig)).isEqualTo(1.0);
    }

    @Test
    void roundTripKeepsExtremeValues() {
        int[] values = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 0x7F00FF80};
        MinHashSignature sig = new MinHashSignature(values);
        assertThat(MinHashSignature.decode(sig.encode()).hashes()).containsExactly(values);
    }

    @Test
    void decodeRejectsGarbage() {
        assertThatThrownBy(() -> MinHashSignature.decode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinHashSignature.decode("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinHashSignature.decode("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void similarityIsTheFractionOfEqualSlots() {
        MinHashSignature a = new MinHashSignature(new int[] {1, 2, 3, 4});
        assertThat(a.similarity(new MinHashSignature(new int[] {1, 2, 9, 9}))).isEqualTo(0.5);
        assertThat(a.similarity(new MinHashSignature(new int[] {5, 6, 7, 8}))).isEqualTo(0.0);
        assertThatThrownBy(() -> a.similarity(new MinHashSignature(new int[] {1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsByContentAndTheArrayIsCopied() {
        int[] values = new Random(1).ints(128).toArray();
        MinHashSignature sig = new MinHashSignature(values);
        assertThat(sig).isEqualTo(new MinHashSignature(values.clone())).hasSameHashCodeAs(new MinHashSignature(values));
        values[0]++;
        sig.hashes()[1]++;
        assertThat(sig.hash(0)).isEqualTo(values[0] - 1);
        assertThat(sig).isNotEqualTo(new MinHashSignature(values));
        assertThatThrownBy(() -> new MinHashSignature(new int[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
