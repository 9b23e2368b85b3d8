package dev.patchtrack.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.series.SeriesModel.AppliedDraft;
import dev.patchtrack.core.series.SeriesModel.AttributedTrailer;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.RevisionLink;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.support.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's "hard cases real archives are full of", on fixtures written the way kernel mail is
 * (fixtures/series/30xx-*.mbox). The header and body cases (folded Message-ID, lower-case In-reply-to,
 * several In-Reply-To values, missing Message-ID, quoted-printable, base64, lying charsets, HTML
 * alternatives) are fixtures/mail/10xx-*.eml, tested in MailParserTest.
 */
class HardCasesTest {

    private static List<SeriesDraft> build(String name) {
        return Pipeline.series(Pipeline.fixture("series/" + name + ".mbox"));
    }

    private static SeriesDraft one(List<SeriesDraft> series) {
        assertThat(series).hasSize(1);
        return series.get(0);
    }

    @Test
    void theVersionComesFromTheBodyWhenTheSubjectHasNone() {
        SeriesDraft s = one(build("3001-version-in-body"));
        assertThat(s.revisions()).extracting(RevisionDraft::version, r -> r.patches().size())
                .containsExactly(tuple(1, 2), tuple(2, 2));
        assertThat(s.links()).extracting(RevisionLink::reason).containsExactly(LinkReason.HEURISTIC);
    }

    @Test
    void anRfcBeforeV1IsItsOwnRevisionOrderedFirst() {
        SeriesDraft s = one(build("3002-rfc-before-v1"));
        assertThat(s.revisions()).extracting(RevisionDraft::rfc, RevisionDraft::version, RevisionDraft::total)
                .containsExactly(tuple(true, 1, 2), tuple(false, 1, 3), tuple(false, 2, 3));
        assertThat(s.key()).isEqualTo("20240110-rnull-rfc-0@example.com");
    }

    @Test
    void aV51RespinRepliedToPatchTwoReplacesIt() {
        RevisionDraft r = one(build("3003-respin-v5.1")).revisions().get(0);
        assertThat(r.version()).isEqualTo(5);
        assertThat(r.versionMinor()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.complete()).isTrue();
        assertThat(r.patches()).extracting(PatchSlot::number, PatchSlot::messageId).containsExactly(
                tuple(1, "20240405-nvme-v5-1-aa11@example.com"),
                tuple(2, "20240406-nvme-v5-1-2-bb22@example.com"),
                tuple(3, "20240405-nvme-v5-3-aa11@example.com"));
        assertThat(r.replies()).contains("20240405-nvme-v5-2-aa11@example.com");
    }

    private static final String COVER = "20240520101500.77-1-dakr@example.org";

    private static String patch(int n) {
        return "20240520101500.77-" + (n + 1) + "-dakr@example.org";
    }

    /** Per patch number, "Name by address from message" of every trailer given outside the patch itself. */
    private static Map<Integer, List<String>> given(RevisionDraft r) {
        Map<String, Integer> number = r.patches().stream().collect(Collectors.toMap(PatchSlot::messageId, PatchSlot::number));
        Map<Integer, List<String>> out = new TreeMap<>();
        for (AttributedTrailer t : r.trailers()) {
            if (t.sourceMessageId().equals(t.patchMessageId()) || t.trailer().name().equals("Signed-off-by")) {
                continue;
            }
            out.computeIfAbsent(number.get(t.patchMessageId()), k -> new java.util.ArrayList<>())
                    .add(t.trailer().name() + " " + t.trailer().person().email() + " " + t.sourceMessageId());
        }
        return out;
    }

    @Test
    void trailersGoToThePatchesTheyAreMeantFor() {
        RevisionDraft r = one(build("3004-trailer-attribution")).revisions().get(0);
        String cover = "Acked-by ojeda@example.org " + COVER;
        String series = "Reviewed-by gary@example.net 20240520150000.gary-1@example.net";
        String benno = "Reviewed-by benno.lossin@example.org b3nn0-1@example.org";
        assertThat(given(r)).containsExactly(
                // the cover letter's own trailer and "For the series:" apply to every patch; an indented one counts
                Map.entry(1, List.of(cover, "Reviewed-by aliceryhl@example.com CAH5fLgh1-alice@mail.gmail.com", series,
                        benno)),
                // "Patches 1-2", a quoted title, and a second address of Gary's
                Map.entry(2, List.of(cover, series, "Acked-by bhelgaas@example.com 20240520170000.GA1@bhelgaas", benno,
                        "Reviewed-by gary.guo@personal.example.com 20240521090000.gary-2@personal.example.com")),
                // "for patch 3" narrows a reply to the cover letter
                Map.entry(3, List.of(cover, series, "Tested-by boqun@example.com ZkuYnR3BoQuN@boqun-archlinux")),
                // a NAK is a trailer of the patch it answers
                Map.entry(4, List.of(cover, series, "Nacked-by gregkh@example.org 2024052108-nack-greg@gregkh")));
    }

    @Test
    void anInBodyFromNamesThePatchAuthor() {
        List<MailFacts> facts = Pipeline.facts(Pipeline.fixture("series/3004-trailer-attribution.mbox"));
        MailFacts first = facts.stream().filter(f -> f.messageId().equals(patch(1))).findFirst().orElseThrow();
        assertThat(first.from().email()).isEqualTo("dakr@example.org");
        assertThat(first.author().email()).isEqualTo("wedsonaf@example.com");
        assertThat(first.author().name()).isEqualTo("Wedson Almeida Filho");
        MailFacts quoted = facts.stream().filter(f -> f.messageId().startsWith("CAH5fLgh1")).findFirst().orElseThrow();
        assertThat(quoted.trailers()).extracting(t -> t.person().email()).containsExactly("aliceryhl@example.com");
    }

    @Test
    void appliedNoticesInTheirThreeShapes() {
        List<SeriesDraft> series = build("3005-applied-notices");
        Map<String, RevisionDraft> byKey = series.stream().flatMap(s -> s.revisions().stream())
                .collect(Collectors.toMap(RevisionDraft::key, r -> r));
        AppliedDraft b4 = byKey.get("20240601-list-v1-0-cc33@example.com").applied().get(0);
        assertThat(b4.number()).isZero();
        assertThat(b4.notice().tree()).isEqualTo("https://git.kernel.org/pub/scm/linux/kernel/git/ojeda/linux.git");
        assertThat(b4.notice().branch()).isEqualTo("rust-next");
        assertThat(b4.notice().commits()).containsExactly(
                new AppliedNotice.Commit(1, "rust: list: add `ListArc`", "5a3c1b2d9e8f"),
                new AppliedNotice.Commit(2, "rust: list: add `ListLinks`", "0b1c2d3e4f5a"));

        AppliedDraft bot = byKey.get("20240602.093000.1.fujita@example.com").applied().get(0);
        assertThat(bot.notice().tree()).isEqualTo("netdev/net-next.git");
        assertThat(bot.notice().branch()).isEqualTo("main");
        assertThat(bot.notice().by().email()).isEqualTo("kuba@example.org");
        assertThat(bot.notice().commits()).extracting(AppliedNotice.Commit::number, AppliedNotice.Commit::commit)
                .containsExactly(tuple(1, "1a2b3c4d5e6f"), tuple(2, "6f5e4d3c2b1a"));

        // "Applied on top of rust-next and tested" is a test report, not a notice
        List<AppliedDraft> single = byKey.get("20240603120000.5-1-dakr@example.org").applied();
        assertThat(single).singleElement().satisfies(a -> {
            assertThat(a.messageId()).isEqualTo("CANiq72kApplied@mail.gmail.com");
            assertThat(a.notice().tree()).isNull();
            assertThat(a.notice().branch()).isEqualTo("rust-next");
            assertThat(a.notice().commits()).isEmpty();
        });
    }

    @Test
    void explicitLinksInEveryUrlFormLinkTheRevisions() {
        SeriesDraft s = one(build("3006-explicit-links"));
        assertThat(s.revisions()).extracting(RevisionDraft::version).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(s.links()).extracting(RevisionLink::reason).containsOnly(LinkReason.EXPLICIT_LINK).hasSize(5);
        assertThat(s.title()).isEqualTo("rust: kernel: use core::ffi::CStr everywhere");
    }

    @Test
    void aLaterPullRequestListingEveryPatchMarksTheLatestRevisionApplied() {
        SeriesDraft s = one(build("3007-merged-by-pull"));
        assertThat(s.revisions()).extracting(RevisionDraft::version).containsExactly(1, 2);
        assertThat(s.revisions().get(0).applied()).isEmpty();
        assertThat(s.revisions().get(1).applied()).singleElement().satisfies(a -> {
            assertThat(a.messageId()).isEqualTo("20240317170000.GITPULL.ojeda@example.org");
            assertThat(a.notice().tree()).isEqualTo("https://git.kernel.org/pub/scm/linux/kernel/git/ojeda/linux.git");
            assertThat(a.notice().branch()).isEqualTo("tags/rust-6.9");
            assertThat(a.notice().commits()).extracting(AppliedNotice.Commit::number, AppliedNotice.Commit::title)
                    .containsExactly(tuple(1, "rust: sync: add `Arc::into_unique_or_drop`"),
                            tuple(2, "rust: sync: add `ArcBorrow::from_raw`"));
        });
        // a pull request that lists only some of a revision's patches merges nothing
        assertThat(build("3005-applied-notices").stream().flatMap(x -> x.revisions().stream())
                .flatMap(r -> r.applied().stream()).map(AppliedDraft::messageId))
                .doesNotContain("20240317170000.GITPULL.ojeda@example.org");
    }
}
