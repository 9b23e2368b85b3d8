package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.classify.TopicRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where the topic rules come from: {@code patchtrack.topics.file} when set, else the defaults in
 * the jar. Read anew for every rebuild, so an operator's edit applies on the next reclassify.
 */
@ApplicationScoped
public class TopicRulesSource {

    @Inject
    PatchtrackConfig config;

    public TopicRules load() {
        return RulesFiles.load(config.topics().file(), "patchtrack.topics.file", "topics.rules", TopicRules::parse,
                TopicRules::problems, "topic rules");
    }
}
