package dev.patchtrack.ingest;

import dev.patchtrack.core.classify.TopicRules;
import dev.patchtrack.ingest.lwn.ArticleClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Classifying again with the topic rules as they are now (after an operator edited them): the whole
 * history's topics and states from the stored mail, in the rebuilder's transactions, then the LWN
 * articles' topics in one of their own. Also the rules themselves, for what names a topic.
 */
@ApplicationScoped
public class ReclassifyService {

    /** What was classified again: the series rebuild, and how many LWN articles. */
    public record Result(SeriesRebuilder.Summary series, int articles) {
    }

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    ArticleClassifier articles;

    @Inject
    TopicRulesSource rules;

    public Result run() {
        return new Result(rebuilder.rebuild(), articles.reclassifyAll());
    }

    /** The topic rules as they are now. */
    public TopicRules rules() {
        return rules.load();
    }
}
