package dev.patchtrack.core.lwn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The LWN fixtures under src/test/resources/fixtures/lwn. */
public final class LwnFixtures {

    private LwnFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = LwnFixtures.class.getResourceAsStream("/fixtures/lwn/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
