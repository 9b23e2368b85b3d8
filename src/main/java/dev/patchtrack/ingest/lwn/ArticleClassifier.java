package dev.patchtrack.ingest.lwn;

import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.ClassifyInput;
import dev.patchtrack.ingest.TopicRulesSource;
import dev.patchtrack.store.ArticleRepository.TopicRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Articles get topics from the same rules as mail ({@code patchtrack.topics.file} or the defaults):
 * the title counts as a subject and the text (with LWN's index entries) for keywords. What the
 * article links to adds nothing by itself.
 */
@ApplicationScoped
public class ArticleClassifier {

    @Inject
    TopicRulesSource rules;

    /** A classifier with the rules as they are now; one per poll, so an operator's edit applies to the next. */
    public Rules current() {
        return new Rules(new Classifier(rules.load()));
    }

    /** The rules read for one poll. */
    public record Rules(Classifier classifier) {
        public List<TopicRow> classify(String title, String text) {
            return classifier.classify(new ClassifyInput(List.of(), title == null ? List.of() : List.of(title), List.of(),
                    text)).stream().map(l -> new TopicRow(l.topic(), l.reason())).toList();
        }
    }
}
