package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.classify.TopicRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Where the topic rules come from: {@code patchtrack.topics.file} when set, else the defaults in
 * the jar. Read anew for every rebuild, so an operator's edit applies on the next reclassify.
 */
@ApplicationScoped
public class TopicRulesSource {

    private static final Logger LOG = Logger.getLogger(TopicRulesSource.class);

    @Inject
    PatchtrackConfig config;

    public TopicRules load() {
        String file = config.topics().file().orElse(null);
        TopicRules rules;
        if (file != null) {
            try {
                rules = TopicRules.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8), Path.of(file).getFileName().toString());
            } catch (IOException e) {
                throw new IllegalStateException("patchtrack.topics.file=" + file + " cannot be read: " + e.getMessage(), e);
            }
        } else {
            try (InputStream in = TopicRulesSource.class.getResourceAsStream("/topics.rules")) {
                rules = TopicRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "topics.rules");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String p : rules.problems()) {
            LOG.warnf("topic rules: %s (line skipped)", p);
        }
        return rules;
    }
}
