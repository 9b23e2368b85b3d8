package dev.patchtrack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Raw mail survives compression byte for byte, whatever came through the same thread's deflater before. */
class RawCodecTest {

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void everySizeRoundTripsOnOneThreadInAnyOrder() {
        byte[] text = "From: a@example.org\nSubject: x\n\nbody line\n".repeat(3000).getBytes(StandardCharsets.UTF_8);
        // small, compressible, incompressible and large mail through one reused deflater
        byte[][] inputs = {new byte[0], "x".getBytes(StandardCharsets.UTF_8), text, random(300_000, 1),
            "short again".getBytes(StandardCharsets.UTF_8), random(5_000_000, 2), text, random(70_000, 3)};
        for (int round = 0; round < 2; round++) {
            for (byte[] raw : inputs) {
                byte[] stored = RawCodec.compress(raw);
                assertThat(RawCodec.decompress(stored, raw.length)).isEqualTo(raw);
            }
        }
        assertThat(RawCodec.compress(text).length).isLessThan(text.length / 20);
    }

    @Test
    void threadsCompressingAtOnceDoNotMixTheirMail() throws Exception {
        Thread[] threads = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads.length; t++) {
            long seed = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        byte[] raw = random(1000 + i * 500, seed * 1000 + i);
                        assertThat(RawCodec.decompress(RawCodec.compress(raw), raw.length)).isEqualTo(raw);
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failure[0]).isNull();
    }
}
