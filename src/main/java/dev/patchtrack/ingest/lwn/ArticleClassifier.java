package dev.patchtrack.ingest.lwn;

import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.ClassifyInput;
import dev.patchtrack.core.classify.TopicRules;
import dev.patchtrack.store.ArticleRepository.TopicRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Articles get topics from the same rules as mail: the title counts as a subject and the text (with
 * LWN's index entries) for keywords. What the article links to adds nothing by itself.
 */
@ApplicationScoped
public class ArticleClassifier {

    private static final Logger LOG = Logger.getLogger(ArticleClassifier.class);

    private final Classifier classifier;

    public ArticleClassifier() {
        try (InputStream in = ArticleClassifier.class.getResourceAsStream("/topics.rules")) {
            if (in == null) {
                throw new IllegalStateException("topics.rules is missing from the classpath");
            }
            TopicRules rules = TopicRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "topics.rules");
            rules.problems().forEach(p -> LOG.warnf("topic rules: %s", p));
            classifier = new Classifier(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<TopicRow> classify(String title, String text) {
        return classifier.classify(new ClassifyInput(List.of(), title == null ? List.of() : List.of(title), List.of(), text))
                .stream().map(l -> new TopicRow(l.topic(), l.reason())).toList();
    }
}
