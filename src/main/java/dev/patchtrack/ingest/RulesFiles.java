package dev.patchtrack.ingest;

import dev.patchtrack.core.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** Reads a rules file an operator may replace: the configured file when set, else the jar's default. */
final class RulesFiles {

    private static final Logger LOG = Logger.getLogger(RulesFiles.class);

    private RulesFiles() {
    }

    static <R> R load(Optional<String> configured, String key, String resource, BiFunction<String, String, R> parse,
                      Function<R, List<Problem>> problems, String what) {
        String file = configured.orElse(null);
        R rules;
        if (file != null) {
            try {
                rules = parse.apply(Files.readString(Path.of(file), StandardCharsets.UTF_8),
                        Path.of(file).getFileName().toString());
            } catch (IOException e) {
                throw new IllegalStateException(key + "=" + file + " cannot be read: " + e.getMessage(), e);
            }
        } else {
            try (InputStream in = RulesFiles.class.getResourceAsStream("/" + resource)) {
                rules = parse.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Problem p : problems.apply(rules)) {
            LOG.warnf("%s: %s (line skipped)", what, p.detail());
        }
        return rules;
    }
}
