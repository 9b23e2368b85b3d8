package dev.patchtrack.ingest.lwn;

import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.ClassifyInput;
import dev.patchtrack.ingest.TopicRulesSource;
import dev.patchtrack.store.ArticleEntity;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.ArticleRepository.TopicRow;
import dev.patchtrack.store.PackedList;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    @Inject
    ArticleRepository articles;

    /** Gives every stored article its topics again, with the rules as they are now; returns how many. */
    public int reclassifyAll() {
        Rules now = current();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ArticleEntity> all = articles.all();
            for (ArticleEntity a : all) {
                String text = a.body != null ? a.body : a.summary == null ? "" : a.summary;
                if (!a.indexTerms.isEmpty()) {
                    text = text + "\n" + PackedList.INDEX_TERMS.encode(a.indexTerms);
                }
                articles.replaceTopics(a.id, now.classify(a.title, text));
            }
            return all.size();
        });
    }

    /** A classifier with the rules as they are now; one per poll, so an operator's edit applies to the next. */
    public Rules current() {
        return new Rules(new Classifier(rules.load()));
    }

    /** The rules read for one poll. */
    public record Rules(Classifier classifier) {
        public List<TopicRow> classify(String title, String text) {
            return classifier.classify(new ClassifyInput(List.of(), title == null ? List.of() : List.of(title), List.of(),
                    text)).stream().map(l -> new TopicRow(l.topic(), l.reason(), l.detail())).toList();
        }
    }
}
