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
}
