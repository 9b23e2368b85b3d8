package dev.patchtrack.core.series;

import static dev.patchtrack.core.series.Mail.cover;
import static dev.patchtrack.core.series.Mail.patch;
import static dev.patchtrack.core.series.Mail.reply;
import static dev.patchtrack.core.series.SeriesBuilderTest.build;
import static dev.patchtrack.core.series.SeriesBuilderTest.onlyRevision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.patchtrack.core.series.SeriesModel.AttributedTrailer;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.model.ReplyScope;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailerAttributionTest {

    @Test
    void trailersGoToThePatchesTheyMean() {
        RevisionDraft r = onlyRevision(build(
                cover("c", 2).at(0)
                        .trailer("Acked-by", "Maintainer <maint@example.org>")
                        .trailer("Cc", "Some List <list@example.org>"),
                patch("p1", 1, 2).at(1).inReplyTo("c")
                        .trailer("Signed-off-by", "Alice <alice@example.org>")
                        .trailer("Cc", "Bob <bob@example.org>"),
                patch("p2", 2, 2).at(2).inReplyTo("c")
                        .trailer("Signed-off-by", "Alice <alice@example.org>"),
                // a reply to patch 1: only patch 1; its Cc is not kept
                reply("r1", "p1").at(10).refs("c", "p1")
                        .trailer("Reviewed-by", "Rev <rev@example.org>")
                        .trailer("Reviewed-by", "Rev <REV@example.org>")
                        .trailer("Cc", "Carol <carol@example.org>"),
                // a reply to the cover letter: every patch
                reply("r2", "c").at(20).trailer("Tested-by", "Tess <tess@example.org>"),
                // a reply to the reply to patch 1: still patch 1
                reply("r3", "r1").at(30).refs("c", "p1", "r1").trailer("Reviewed-by", "Other <o@example.org>"),
                // a reply to the reply to the cover letter: every patch
                reply("r4", "r2").at(40).refs("c", "r2").trailer("Acked-by", "Ann <ann@example.org>")));

        assertThat(r.replies()).containsExactly("r1", "r2", "r3", "r4");
        assertThat(r.trailers())
                .extracting(AttributedTrailer::patchMessageId, t -> t.trailer().name(),
                        t -> t.trailer().person().email(), AttributedTrailer::sourceMessageId)
                .containsExactly(
                        tuple("p1", "Signed-off-by", "alice@example.org", "p1"),
                        tuple("p1", "Cc", "bob@example.org", "p1"),
                        tuple("p1", "Acked-by", "maint@example.org", "c"),
                        tuple("p1", "Reviewed-by", "rev@example.org", "r1"),
                        tuple("p1", "Tested-by", "tess@example.org", "r2"),
                        tuple("p1", "Reviewed-by", "o@example.org", "r3"),
                        tuple("p1", "Acked-by", "ann@example.org", "r4"),
                        tuple("p2", "Signed-off-by", "alice@example.org", "p2"),
                        tuple("p2", "Acked-by", "maint@example.org", "c"),
                        tuple("p2", "Tested-by", "tess@example.org", "r2"),
                        tuple("p2", "Acked-by", "ann@example.org", "r4"));
    }

    @Test
    void replyToAReplacedCopyCountsForThePatchThatReplacedIt() {
        RevisionDraft r = onlyRevision(build(
                cover("c", 1).at(0),
                patch("p1", 1, 1).at(1).inReplyTo("c").trailer("Signed-off-by", "Alice <alice@example.org>"),
                reply("r1", "p1").at(5).refs("c", "p1").trailer("Reviewed-by", "Rev <rev@example.org>"),
                patch("p1-resend", 1, 1).resend().at(60).inReplyTo("c")
                        .trailer("Signed-off-by", "Alice <alice@example.org>")));
        assertThat(r.patches()).extracting(SeriesModel.PatchSlot::messageId).containsExactly("p1-resend");
        assertThat(r.trailers())
                .extracting(AttributedTrailer::patchMessageId, t -> t.trailer().name(), AttributedTrailer::sourceMessageId)
                .containsExactly(
                        tuple("p1-resend", "Signed-off-by", "p1-resend"),
                        tuple("p1-resend", "Reviewed-by", "r1"));
    }

    @Test
    void trailersWithoutPersonAreKeptAndDedupedByValue() {
        RevisionDraft r = onlyRevision(build(
                Mail.single("s").at(0).trailer("Fixes", "abc123 (\"rust: x\")"),
                reply("r", "s").at(3)
                        .trailer("Link", "https://lore.kernel.org/r/1")
                        .trailer("Link", "https://lore.kernel.org/r/1")
                        .trailer("Link", "https://lore.kernel.org/r/2")));
        assertThat(r.trailers())
                .extracting(t -> t.trailer().name(), t -> t.trailer().value(), AttributedTrailer::sourceMessageId)
                .containsExactly(
                        tuple("Fixes", "abc123 (\"rust: x\")", "s"),
                        tuple("Link", "https://lore.kernel.org/r/1", "r"),
                        tuple("Link", "https://lore.kernel.org/r/2", "r"));
    }

    @Test
    void replyTrailersStayInTheirOwnRevision() {
        var series = build(
                cover("c1", 1).at(0),
                patch("a1", 1, 1).at(1).inReplyTo("c1"),
                cover("c2", 1).v(2).at(100).inReplyTo("c1"),
                patch("b1", 1, 1).v(2).at(101).inReplyTo("c2").refs("c1", "c2"),
                reply("r", "c2").at(200).refs("c1", "c2").trailer("Acked-by", "M <m@example.org>"));
        RevisionDraft v1 = SeriesBuilderTest.revision(series, "c1");
        RevisionDraft v2 = SeriesBuilderTest.revision(series, "c2");
        assertThat(v1.trailers()).isEmpty();
        assertThat(v1.replies()).isEmpty();
        assertThat(v2.replies()).containsExactly("r");
        assertThat(v2.trailers()).extracting(AttributedTrailer::patchMessageId).containsExactly("b1");
    }

    @Test
    void aReplysOwnWordsWidenOrNarrowWhatItConcerns() {
        RevisionDraft r = onlyRevision(build(
                cover("c", 3).at(0),
                patch("p1", 1, 3).at(1).inReplyTo("c"),
                patch("p2", 2, 3).at(2).inReplyTo("c"),
                patch("p3", 3, 3).at(3).inReplyTo("c"),
                // deep in patch 1's thread, "For the whole series:"
                reply("whole", "p1").at(10).refs("c", "p1").trailer("Acked-by", "Dan <dan@example.org>")
                        .scope(new ReplyScope(true, List.of(), List.of(), List.of())),
                // on patch 3, "Same for patch 1/3."
                reply("also", "p3").at(11).refs("c", "p3").trailer("Reviewed-by", "Dirk <dirk@example.org>")
                        .scope(new ReplyScope(false, List.of(1), List.of(), List.of())),
                // on the cover, "With the exception of patch 2"
                reply("except", "c").at(12).trailer("Reviewed-by", "Eve <eve@example.org>")
                        .scope(new ReplyScope(false, List.of(), List.of(2), List.of())),
                // on the cover, quoting only the list line of a patch that never reached this list
                reply("absent", "c").at(13).trailer("Reviewed-by", "Wei <wei@example.org>")
                        .scope(new ReplyScope(false, List.of(), List.of(), List.of("rust: a patch not here")))));

        assertThat(r.trailers()).extracting(AttributedTrailer::sourceMessageId, AttributedTrailer::patchMessageId)
                .containsExactlyInAnyOrder(
                        tuple("whole", "p1"), tuple("whole", "p2"), tuple("whole", "p3"),
                        tuple("also", "p3"), tuple("also", "p1"),
                        tuple("except", "p1"), tuple("except", "p3"));
        // review reads the same reach: one rule for trailers and for states
        assertThat(r.replyPatches()).containsEntry("whole", List.of("p1", "p2", "p3"))
                .containsEntry("also", List.of("p1", "p3"))
                .containsEntry("except", List.of("p1", "p3"))
                .containsEntry("absent", List.of());
    }
}
