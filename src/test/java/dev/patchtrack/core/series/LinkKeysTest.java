package dev.patchtrack.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.support.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The promise the incremental derivation rests on: the series builder over a group of messages closed
 * under {@link LinkKeys} gives exactly the series the whole corpus gives for them. Over a generated corpus
 * that spans more than {@link SeriesLinker#HEURISTIC_WINDOW}, where authors reuse titles.
 */
class LinkKeysTest {

    static List<MailFacts> facts;

    @BeforeAll
    static void parse() throws Exception {
        // about 1,100 series started 1 to 9 hours apart: some 230 days of mail
        Corpus.Generated corpus = Corpus.generate(1100, 7);
        MailParser parser = new MailParser(MailLimits.DEFAULTS);
        PatchAnalyzer analyzer = new PatchAnalyzer();
        facts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(corpus.mbox()); MboxReader reader = MboxReader.open(in, MailLimits.DEFAULTS)) {
            MboxReader.MboxEntry e;
            while ((e = reader.next()) != null) {
                var mail = parser.parse(e.raw());
                if (mail.readable()) {
                    facts.add(analyzer.analyze(mail));
                }
            }
        }
    }

    @Test
    void eachGroupClosedUnderTheKeysGivesTheSeriesTheWholeGives() {
        List<List<Integer>> groups = LinkKeys.components(facts.stream().map(LinkKeys::of).toList());
        Set<String> whole = shapes(new SeriesBuilder().build(facts));
        Set<String> parts = new TreeSet<>();
        for (List<Integer> g : groups) {
            parts.addAll(shapes(new SeriesBuilder().build(g.stream().map(facts::get).toList())));
        }
        assertThat(parts).isEqualTo(whole);
        // and the groups are small: no key relates mail across the whole corpus
        int largest = groups.stream().mapToInt(List::size).max().orElseThrow();
        assertThat(groups).hasSizeGreaterThan(500);
        assertThat(largest).isLessThan(facts.size() / 20);
    }

    @Test
    void postingsOfOneAuthorAndTitleShareAKeyOnlyWithinTheWindow() {
        MailFacts jan = Mail.cover("jan", 1).at(0).title("rust: add nvme driver").build();
        MailFacts may = Mail.cover("may", 1).v(2).at(150L * 24 * 60).title("rust: add nvme driver").build();
        MailFacts next = Mail.cover("next", 1).v(3).at(400L * 24 * 60).title("rust: add nvme driver").build();
        assertThat(LinkKeys.components(List.of(LinkKeys.of(jan), LinkKeys.of(may)))).hasSize(1);
        // more than two windows apart: nothing in common
        assertThat(LinkKeys.components(List.of(LinkKeys.of(jan), LinkKeys.of(next)))).hasSize(2);
        // an undated posting of the pair is near all of them
        MailFacts undated = Mail.cover("undated", 1).v(4).noDate().title("rust: add nvme driver").build();
        assertThat(LinkKeys.components(List.of(LinkKeys.of(jan), LinkKeys.of(next), LinkKeys.of(undated)))).hasSize(1);
        // a later patch carries one too: it opens the revision when the list never got the cover or patch 1
        MailFacts second = Mail.patch("p2", 2, 3).at(0).title("rust: add nvme driver").build();
        assertThat(LinkKeys.components(List.of(LinkKeys.of(jan), LinkKeys.of(second)))).hasSize(1);
        MailFacts far = Mail.patch("p3", 2, 3).at(400L * 24 * 60).title("rust: add nvme driver").build();
        assertThat(LinkKeys.components(List.of(LinkKeys.of(jan), LinkKeys.of(far)))).hasSize(2);
    }

    @Test
    void aPullRequestIsReadByTheSeriesItListsWithoutJoiningThem() {
        List<MailFacts> mail = List.of(
                Mail.cover("a0", 2).at(0).title("block: two fixes").build(),
                Mail.patch("a1", 1, 2).at(1).title("block: fix one").inReplyTo("a0").build(),
                Mail.patch("a2", 2, 2).at(2).title("block: fix two").inReplyTo("a0").build(),
                Mail.single("b").at(5).from("bob@example.org").title("nvme: fix three").build(),
                Mail.mail("pull").at(60L * 24 * 30).from("maint@example.org")
                        .pull("block: fix one", "Block: Fix  two", "nvme: fix three", "elsewhere: not posted").build(),
                Mail.reply("thanks", "pull").at(60L * 24 * 31).from("linus@example.org").build());
        List<java.util.Set<Long>> keys = mail.stream().map(LinkKeys::of).toList();
        List<List<Integer>> groups = LinkKeys.components(keys);
        // the two series, and the pull request with its reply: the listed titles join nothing
        assertThat(groups).containsExactlyInAnyOrder(List.of(0, 1, 2), List.of(3), List.of(4, 5));
        assertThat(LinkKeys.context(keys, List.of(0, 1, 2))).containsExactly(4);
        assertThat(LinkKeys.context(keys, List.of(3))).containsExactly(4);
        assertThat(LinkKeys.context(keys, List.of(4, 5))).isEmpty();
        Set<String> whole = shapes(new SeriesBuilder().build(mail));
        Set<String> parts = new TreeSet<>();
        for (List<Integer> g : groups) {
            parts.addAll(shapes(new SeriesBuilder().build(g.stream().map(mail::get).toList(),
                    LinkKeys.context(keys, g).stream().map(mail::get).toList())));
        }
        assertThat(parts).isEqualTo(whole);
        assertThat(whole).as("both series applied by the pull request").hasSize(2).allMatch(s -> s.contains("applied[pull]"));
        // without the context, the groups would not know
        assertThat(shapes(new SeriesBuilder().build(List.of(mail.get(3))))).noneMatch(s -> s.contains("applied[pull]"));
    }

    /** A series as text: its revisions' keys and the links between them, so two builds compare. */
    private static Set<String> shapes(List<SeriesDraft> drafts) {
        Set<String> out = new TreeSet<>();
        for (SeriesDraft d : drafts) {
            StringBuilder b = new StringBuilder(d.key()).append(" =");
            for (RevisionDraft r : d.revisions()) {
                b.append(' ').append(r.key()).append(r.patches().stream().map(p -> p.number() + ":" + p.messageId()).toList())
                        .append(r.trailers().size())
                        .append(r.applied().isEmpty() ? "" : " applied" + r.applied().stream().map(a -> a.messageId()).toList());
            }
            b.append(' ').append(d.links());
            out.add(b.toString());
        }
        return out;
    }
}
