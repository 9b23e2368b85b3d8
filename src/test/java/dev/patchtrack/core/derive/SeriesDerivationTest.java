package dev.patchtrack.core.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.classify.TopicLabel;
import dev.patchtrack.core.classify.TopicRules;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.support.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pure derivation stage on a fixture thread: everything the store keeps, keyed by Message-ID. */
class SeriesDerivationTest {

    private static Classifier classifier;

    @BeforeAll
    static void rules() throws IOException {
        try (InputStream in = SeriesDerivationTest.class.getResourceAsStream("/topics.rules")) {
            classifier = new Classifier(TopicRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "topics.rules"));
        }
    }

    private static List<Derived.Series> derive(Map<String, SeriesDerivation.PatchOverride> overrides) {
        Map<String, MailFacts> facts = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        for (MailFacts f : Pipeline.facts(Pipeline.fixture("series/3005-applied-notices.mbox"))) {
            facts.put(f.messageId(), f);
            lists.put(f.messageId(), List.of("rust-for-linux"));
        }
        return SeriesDerivation.derive(new SeriesDerivation.Inputs(facts, Map.of(), lists, overrides, Map.of(),
                Map.of(), classifier));
    }

    private static Derived.Series series(List<Derived.Series> all, String key) {
        return all.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aThreadBecomesItsSeriesWithStatesReasonsAndWhatEachNoticeCovers() {
        Derived.Series s = series(derive(Map.of()), "20240601-list-v1-0-cc33@example.com");
        assertThat(s.lists()).containsExactly("rust-for-linux");
        assertThat(s.revisions()).hasSize(1);
        Derived.Revision r = s.revisions().get(0);
        assertThat(r.coverMessageId()).isEqualTo("20240601-list-v1-0-cc33@example.com");
        assertThat(r.applied()).singleElement().satisfies(a -> {
            assertThat(a.sourceMessageId()).isEqualTo("171801360000.9.ojeda@example.org");
            assertThat(a.covers()).containsExactly(1, 2);
        });
        assertThat(r.patches()).extracting(p -> p.number() + " " + p.state().state() + " " + p.state().messageId())
                .containsExactly("1 ACCEPTED 171801360000.9.ojeda@example.org",
                        "2 ACCEPTED 171801360000.9.ojeda@example.org");
        assertThat(r.patches().get(1).state().because()).contains("(commit 0b1c2d3e4f5a)");
        assertThat(r.state().state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(s.state()).isEqualTo(r.state());
        assertThat(s.topics()).extracting(TopicLabel::topic).isNotEmpty().doesNotContain(Classifier.NOT_RUST);
        assertThat(s.firstPostedAt()).isBeforeOrEqualTo(s.lastPostedAt());
    }

    @Test
    void aMaintainersOverrideWinsAndIsMarked() {
        Derived.Series s = series(derive(Map.of("20240601-list-v1-2-cc33@example.com",
                new SeriesDerivation.PatchOverride(ReviewState.REJECTED, "maint@example.org", "not this one"))),
                "20240601-list-v1-0-cc33@example.com");
        Derived.Patch p2 = s.revisions().get(0).patches().get(1);
        assertThat(p2.overridden()).isTrue();
        assertThat(p2.state().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(s.revisions().get(0).patches().get(0).overridden()).isFalse();
    }

    @Test
    void theSameFactsGiveTheSameResult() {
        assertThat(derive(Map.of())).isEqualTo(derive(Map.of()));
    }
}
