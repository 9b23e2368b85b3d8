package dev.patchtrack.api;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.TopicRule;
import dev.patchtrack.core.classify.TopicRules;
import dev.patchtrack.core.query.Nearest;
import dev.patchtrack.ingest.ReclassifyService;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.DataVersion;
import dev.patchtrack.store.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The values a closed filter takes: topics (the topic rules' labels, {@code rust-other},
 * {@code not-rust}, and any topic stored) and lists (those with mail, and those followed). A value
 * outside them is a 400 that lists them and names the nearest, never a silently empty answer. Read
 * again whenever the data version moves.
 */
@ApplicationScoped
public class KnownValues {

    @Inject
    Vocabulary vocabulary;

    @Inject
    ReclassifyService rules;

    @Inject
    PatchtrackConfig config;

    @Inject
    DataVersion dataVersion;

    @Inject
    Reads reads;

    private record Known(long version, SortedSet<String> topics, SortedSet<String> lists) {
    }

    private volatile Known known;

    public SortedSet<String> topics() {
        return current().topics();
    }

    public SortedSet<String> lists() {
        return current().lists();
    }

    /** Each value must be a known topic. */
    public List<String> checkTopics(List<String> values) {
        return check("topic", "topic", values, topics());
    }

    /** Each value must be a known list. */
    public List<String> checkLists(List<String> values) {
        return check("list", "list", values, lists());
    }

    /** A 400 for a value outside {@code known}, naming the nearest and listing them all. */
    public static List<String> check(String parameter, String what, List<String> values, Collection<String> known) {
        for (String v : values) {
            if (!known.contains(v)) {
                throw ApiProblem.badParameter(parameter, unknown(what, v, known));
            }
        }
        return values;
    }

    /** {@code unknown topic 'rust-nvm'; did you mean rust-nvme? topics are ...}. */
    public static String unknown(String what, String value, Collection<String> known) {
        String near = Nearest.to(value, known).map(n -> "; did you mean " + n + "?").orElse(";");
        return "unknown " + what + " '" + Params.clip(value) + "'" + near + " " + plural(what) + " are "
                + (known.isEmpty() ? "none yet" : String.join(", ", known));
    }

    private static String plural(String what) {
        return what.endsWith("s") ? what + "es" : what + "s";
    }

    private Known current() {
        long version = dataVersion.current().version();
        Known k = known;
        if (k != null && k.version() == version) {
            return k;
        }
        Known fresh = reads.call(() -> {
            SortedSet<String> topics = new TreeSet<>(vocabulary.topics());
            topics.addAll(ruleTopics(rules.rules()));
            SortedSet<String> lists = new TreeSet<>(vocabulary.lists());
            lists.addAll(config.sources().keySet());
            return new Known(version, java.util.Collections.unmodifiableSortedSet(topics),
                    java.util.Collections.unmodifiableSortedSet(lists));
        });
        known = fresh;
        return fresh;
    }

    static Set<String> ruleTopics(TopicRules rules) {
        Set<String> out = new TreeSet<>(List.of(Classifier.RUST_OTHER, Classifier.NOT_RUST));
        for (TopicRule r : rules.rules()) {
            if (!r.topic().equals(TopicRules.GATE)) {
                out.add(r.topic());
            }
        }
        return out;
    }
}
