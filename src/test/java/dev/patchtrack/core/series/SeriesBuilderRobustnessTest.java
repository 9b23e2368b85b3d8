package dev.patchtrack.core.series;

import static dev.patchtrack.core.series.Mail.cover;
import static dev.patchtrack.core.series.Mail.patch;
import static dev.patchtrack.core.series.Mail.reply;
import static dev.patchtrack.core.series.Mail.single;
import static dev.patchtrack.core.series.SeriesBuilderTest.build;
import static dev.patchtrack.core.series.SeriesBuilderTest.onlyRevision;
import static dev.patchtrack.core.series.SeriesBuilderTest.patchIds;
import static dev.patchtrack.core.series.SeriesBuilderTest.revisions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesBuilderRobustnessTest {

    private final SeriesBuilder builder = new SeriesBuilder();

    @Test
    void sameSetInAnyOrderGivesEqualOutput() {
        List<MailFacts> corpus = randomCorpus(new Random(7), 400);
        List<SeriesDraft> expected = builder.build(corpus);
        assertThat(revisions(expected)).hasSizeGreaterThan(300);
        assertThat(expected).anySatisfy(s -> assertThat(s.revisions()).hasSizeGreaterThan(2));
        Random shuffler = new Random(42);
        for (int i = 0; i < 8; i++) {
            List<MailFacts> shuffled = new ArrayList<>(corpus);
            Collections.shuffle(shuffled, shuffler);
            assertThat(builder.build(shuffled)).isEqualTo(expected);
        }
        assertThat(builder.build(new HashSet<>(corpus))).isEqualTo(expected);
    }

    @Test
    void everyRevisionIsInExactlyOneSeriesAndSeriesAreSortedByKey() {
        List<SeriesDraft> out = builder.build(randomCorpus(new Random(11), 300));
        Set<String> keys = new HashSet<>();
        Set<String> patchIds = new HashSet<>();
        for (SeriesDraft s : out) {
            assertThat(s.key()).isEqualTo(s.revisions().get(0).key());
            assertThat(s.links()).hasSize(s.revisions().size() - 1);
            for (int i = 0; i < s.links().size(); i++) {
                assertThat(s.links().get(i).olderKey()).isEqualTo(s.revisions().get(i).key());
                assertThat(s.links().get(i).newerKey()).isEqualTo(s.revisions().get(i + 1).key());
            }
            for (RevisionDraft r : s.revisions()) {
                assertThat(keys.add(r.key())).as("revision %s appears once", r.key()).isTrue();
                for (var p : r.patches()) {
                    assertThat(patchIds.add(p.messageId())).as("patch %s appears once", p.messageId()).isTrue();
                }
                assertThat(r.patches()).isSortedAccordingTo((a, b) -> Integer.compare(a.number(), b.number()));
            }
        }
        assertThat(out).extracting(SeriesDraft::key).isSorted();
    }

    @Test
    void referenceCyclesDoNotThrowAndStillGroup() {
        var series = build(
                // the cover claims to reply to its own patch: the loop is cut at its earliest message
                cover("c", 2).at(0).inReplyTo("p2"),
                patch("p1", 1, 2).at(1).inReplyTo("c"),
                patch("p2", 2, 2).at(2).inReplyTo("c"),
                reply("r", "p2").at(3),
                reply("r2", "r3").at(3),
                reply("r3", "r2").at(3).refs("p2", "r2"),
                reply("self", "self").at(4),
                reply("x", "y").at(5),
                reply("y", "x").at(6));
        RevisionDraft r = onlyRevision(series);
        assertThat(r.key()).isEqualTo("c");
        assertThat(patchIds(r)).containsExactly("p1", "p2");
        assertThat(r.replies()).contains("r").doesNotContain("self", "x", "y");
    }

    @Test
    void cycleBetweenFirstPatchesDoesNotThrow() {
        var series = build(
                single("a").at(0).inReplyTo("b"),
                single("b").at(1).inReplyTo("a"),
                patch("c1", 1, 2).inReplyTo("c2").noDate(),
                patch("c2", 2, 2).inReplyTo("c1").noDate());
        assertThat(revisions(series)).extracting(RevisionDraft::key).contains("a", "b");
        assertThat(revisions(series).stream().mapToInt(r -> r.patches().size()).sum()).isEqualTo(4);
    }

    @Test
    void missingParentsNullDatesDuplicatesAndNullFieldsDoNotThrow() {
        List<MailFacts> facts = new ArrayList<>();
        facts.add(cover("c", 2).noDate().inReplyTo("gone").build());
        facts.add(patch("p1", 1, 2).noDate().inReplyTo("c").build());
        facts.add(patch("p1", 1, 2).noDate().inReplyTo("c").build()); // the same message twice
        facts.add(patch("p2", 2, 2).at(3).inReplyTo("gone-too").refs("gone", "c", "gone-too").build());
        facts.add(reply("r", "p2").noDate().build());
        facts.add(null);
        facts.add(new MailFacts(null, true, MessageKind.PATCH, null, null, null, null, List.of(), List.of(),
                List.of(), null, List.of(), null, 0, List.of(), List.of(), List.of()));
        facts.add(new MailFacts("bare", true, null, null, null, null, null, List.of("c"), List.of(),
                List.of(), null, List.of(), null, 0, List.of(), List.of(), List.of()));
        facts.add(new MailFacts("bare-patch", true, MessageKind.PATCH, null, null, null, null, List.of(),
                List.of(), List.of(), null, List.of(), null, 0, List.of("nowhere"), List.of(), List.of()));
        List<SeriesDraft> out = builder.build(facts);
        RevisionDraft c = SeriesBuilderTest.revision(out, "c");
        assertThat(patchIds(c)).containsExactly("p1", "p2");
        assertThat(c.date()).as("earliest known date of its messages").isEqualTo(Mail.T0.plusSeconds(180));
        assertThat(c.replies()).as("unknown dates last, then by id").containsExactly("bare", "r");
        assertThat(SeriesBuilderTest.revision(out, "bare-patch").total()).isEqualTo(1);
        assertThat(builder.build(List.of())).isEmpty();
        assertThat(builder.build(null)).isEmpty();
    }

    @Test
    void aVeryDeepThreadDoesNotOverflowTheStack() {
        List<MailFacts> facts = new ArrayList<>();
        facts.add(cover("c", 1).at(0).build());
        facts.add(patch("p1", 1, 1).at(1).inReplyTo("c").build());
        String parent = "p1";
        for (int i = 0; i < 100_000; i++) {
            String id = "r" + i;
            facts.add(reply(id, parent).at(2 + i).build());
            parent = id;
        }
        facts.add(single("late").v(2).at(200_000).inReplyTo(parent).build());
        List<SeriesDraft> out = builder.build(facts);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).revisions()).hasSize(2);
        assertThat(out.get(0).revisions().get(0).replies()).hasSize(100_000);
    }

    @Test
    void twoHundredThousandShuffledMessagesFormTheirSeries() {
        List<MailFacts> corpus = new ArrayList<>(200_000);
        Random rnd = new Random(3);
        int n = 0;
        for (int s = 0; n < 200_000; s++) {
            String author = "dev" + (s % 2500) + "@example.org";
            String title = "rust: subsystem " + (s % 2500) + " work";
            int version = 1 + s / 2500;
            String c = "s" + s + "-c";
            corpus.add(cover(c, 5).v(version).from(author).title(title).at(s * 7L).build());
            n++;
            for (int p = 1; p <= 5; p++) {
                corpus.add(patch("s" + s + "-p" + p, p, 5).v(version).from(author).at(s * 7L + p)
                        .inReplyTo(c).build());
                n++;
            }
            for (int r = 0; r < 3; r++) {
                String target = r == 0 ? c : "s" + s + "-p" + (1 + rnd.nextInt(5));
                corpus.add(reply("s" + s + "-r" + r, target).at(s * 7L + 6).build());
                n++;
            }
        }
        Collections.shuffle(corpus, rnd);
        List<SeriesDraft> out = builder.build(corpus);
        assertThat(out).hasSize(2500);
        assertThat(revisions(out)).hasSizeGreaterThan(22_000);
    }

    /** Many series with covers or not, resends, respins, missing messages, replies, odd dates. */
    static List<MailFacts> randomCorpus(Random rnd, int works) {
        List<MailFacts> out = new ArrayList<>();
        for (int w = 0; w < works; w++) {
            String author = "dev" + rnd.nextInt(40) + "@example.org";
            String title = "rust: work item " + rnd.nextInt(works / 2);
            int versions = 1 + rnd.nextInt(3);
            String previousHead = null;
            long day = rnd.nextInt(2000) * 1440L;
            for (int v = 1; v <= versions; v++) {
                String base = "w" + w + "v" + v;
                int total = 1 + rnd.nextInt(4);
                boolean withCover = total > 1 && rnd.nextBoolean();
                boolean threadedToOld = previousHead != null && rnd.nextInt(3) == 0;
                long t = day + v * 3000L;
                String head = withCover ? base + "c" : base + "p1";
                if (withCover) {
                    Mail c = cover(head, total).v(v).from(author).title(title).at(t);
                    if (threadedToOld) {
                        c.inReplyTo(previousHead);
                    }
                    if (rnd.nextInt(4) == 0) {
                        c.changeId("cid-" + w);
                    }
                    if (rnd.nextInt(10) == 0) {
                        c.noDate();
                    }
                    out.add(c.build());
                }
                for (int p = 1; p <= total; p++) {
                    if (rnd.nextInt(12) == 0 && p > 1) {
                        continue; // lost
                    }
                    Mail m = total == 1 && rnd.nextBoolean()
                            ? single(base + "p" + p).v(v).from(author).title(title)
                            : patch(base + "p" + p, p, total).v(v).from(author).title(p == 1 ? title : "t" + p);
                    m.at(t + p);
                    if (withCover) {
                        m.inReplyTo(head);
                    } else if (p > 1) {
                        m.inReplyTo(base + "p1");
                    } else if (threadedToOld) {
                        m.inReplyTo(previousHead);
                    }
                    out.add(m.build());
                    if (rnd.nextInt(3) == 0) {
                        out.add(reply(base + "p" + p + "r", base + "p" + p).at(t + 100 + p)
                                .trailer("Reviewed-by", "R <r" + rnd.nextInt(5) + "@example.org>").build());
                    }
                }
                if (rnd.nextInt(8) == 0) {
                    out.add(patch(base + "p1resend", 1, total).v(v).from(author).title(title).at(t + 50)
                            .inReplyTo(head).build());
                }
                previousHead = head;
            }
        }
        // a few cross-thread oddities
        out.add(reply("loop-a", "loop-b").build());
        out.add(reply("loop-b", "loop-a").build());
        return out;
    }
}
