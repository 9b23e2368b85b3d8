package dev.patchtrack.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.RevisionLink;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.support.Pipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The series rows of shared/corpus/README.md, on Patchwork's own series mail (../shared/corpus/patchwork/series). */
class PatchworkSeriesTest {

    private static List<SeriesDraft> build(String name) {
        return Pipeline.series(Pipeline.patchwork("series/" + name + ".mbox"));
    }

    private static RevisionDraft only(List<SeriesDraft> series) {
        assertThat(series).hasSize(1);
        assertThat(series.get(0).revisions()).hasSize(1);
        return series.get(0).revisions().get(0);
    }

    private static List<Integer> numbers(RevisionDraft r) {
        return r.patches().stream().map(PatchSlot::number).toList();
    }

    @Test
    void singlePatchIsOneRevisionOfOnePatchAtV1() {
        RevisionDraft r = only(build("base-single-patch"));
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.patches()).hasSize(1);
        assertThat(r.coverMessageId()).isNull();
        assertThat(r.complete()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base-cover-letter", "base-deep-threaded", "base-no-cover-letter", "base-out-of-order",
        "bugs-multiple-references"})
    void oneRevisionHoldsAllPatchesInNumberOrder(String name) {
        byte[] mbox = Pipeline.patchwork("series/" + name + ".mbox");
        List<MailFacts> facts = Pipeline.facts(mbox);
        long patches = facts.stream().filter(f -> f.kind() == MessageKind.PATCH).count();
        boolean cover = facts.stream().anyMatch(f -> f.kind() == MessageKind.COVER);
        RevisionDraft r = only(new SeriesBuilder().build(facts));
        assertThat(r.patches()).hasSize((int) patches);
        assertThat(numbers(r)).isSorted().startsWith(1);
        assertThat(r.complete()).isTrue();
        assertThat(r.coverMessageId() != null).isEqualTo(cover);
    }

    @Test
    void versionComesFromTheCoverLetterAndUnversionedPatchesInheritIt() {
        RevisionDraft r = only(build("base-different-versions"));
        assertThat(r.version()).isEqualTo(3);
        assertThat(r.patches()).hasSize(4);
        assertThat(r.coverMessageId()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base-no-references", "base-no-references-no-cover"})
    void withoutThreadingHeadersPatchesAreGroupedByAuthorVersionTotalAndTime(String name) {
        RevisionDraft r = only(build(name));
        assertThat(r.complete()).isTrue();
        assertThat(r.patches().size()).isEqualTo(r.total());
    }

    @Test
    void incompleteRevision() {
        RevisionDraft r = only(build("base-incomplete"));
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.patches()).hasSize(1);
        assertThat(r.complete()).isFalse();
    }

    @Test
    void extraPatchesAreKeptAndFlagged() {
        RevisionDraft r = only(build("base-extra-patches"));
        assertThat(r.patches()).hasSize(3);
        assertThat(r.total()).isLessThan(3);
        assertThat(r.extraPatches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"revision-basic", "revision-out-of-order", "revision-unlabeled",
        "revision-threaded-to-cover", "revision-threaded-to-patch", "revision-threaded-to-single-patch",
        "revision-no-cover-letter", "revision-unlabeled-noreferences"})
    void twoRevisionsOfOneWorkAreLinkedIntoOneSeriesWithTheReason(String name) {
        List<SeriesDraft> series = build(name);
        assertThat(series).as(name).hasSize(1);
        SeriesDraft s = series.get(0);
        assertThat(s.revisions()).hasSize(2);
        RevisionDraft older = s.revisions().get(0);
        RevisionDraft newer = s.revisions().get(1);
        assertThat(older.date()).isBefore(newer.date());
        assertThat(older.version()).isLessThanOrEqualTo(newer.version());
        assertThat(s.links()).singleElement().satisfies(l -> {
            assertThat(l.olderKey()).isEqualTo(older.key());
            assertThat(l.newerKey()).isEqualTo(newer.key());
            assertThat(l.reason()).isNotNull();
        });
        // a v2 threaded under v1 is a new revision, not a pile of replies
        assertThat(newer.patches()).isNotEmpty();
        assertThat(older.replies()).doesNotContainAnyElementsOf(newer.patches().stream().map(PatchSlot::messageId).toList());
    }

    @Test
    void theReasonSaysWhichSignalLinkedThePair() {
        assertThat(build("revision-threaded-to-cover").get(0).links()).extracting(RevisionLink::reason)
                .containsExactly(LinkReason.COVER_REPLY);
        assertThat(build("revision-basic").get(0).links()).extracting(RevisionLink::reason)
                .containsExactly(LinkReason.HEURISTIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bugs-nocover", "bugs-nocover-noversion"})
    void twoRevisionsOfTwoPatchesWithoutCoverLetters(String name) {
        List<SeriesDraft> series = build(name);
        assertThat(series).hasSize(1);
        assertThat(series.get(0).revisions()).hasSize(2)
                .allSatisfy(r -> assertThat(r.patches()).hasSize(2));
    }

    @Test
    void mixedVersionsAreTwoIncompleteRevisions() {
        List<RevisionDraft> revs = build("bugs-mixed-versions").stream().flatMap(s -> s.revisions().stream()).toList();
        assertThat(revs).hasSize(2).allSatisfy(r -> assertThat(r.complete()).isFalse());
        assertThat(revs).extracting(RevisionDraft::version).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void multipleContentTypesGiveOnePatchAndOneReply() {
        List<MailFacts> facts = Pipeline.facts(Pipeline.patchwork("series/bugs-multiple-content-types.mbox"));
        assertThat(facts).extracting(MailFacts::kind).containsExactlyInAnyOrder(MessageKind.PATCH, MessageKind.REPLY);
        RevisionDraft r = only(new SeriesBuilder().build(facts));
        assertThat(r.patches()).hasSize(1);
        assertThat(r.replies()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mercurial-cover-letter", "mercurial-no-cover-letter"})
    void mercurialCountersParseLikeSlashCounters(String name) {
        RevisionDraft r = only(build(name));
        assertThat(r.total()).isEqualTo(2);
        assertThat(numbers(r)).containsExactly(1, 2);
        assertThat(r.coverMessageId() != null).isEqualTo(name.equals("mercurial-cover-letter"));
    }

    // ---- Depends-on: the templates get the base series' ids, as Message-IDs and as URLs

    private static final String BASE_COVER = "20240610210912.161735-1-ahassick@iol.unh.edu";
    private static final String BASE_PATCH = "20240610210912.161735-3-ahassick@iol.unh.edu";
    private static final String ONE_COVER = "20240611160854.192806-1-ahassick@iol.unh.edu";

    private static RevisionDraft revisionOf(List<SeriesDraft> series, String key) {
        return series.stream().flatMap(s -> s.revisions().stream()).filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow();
    }

    @Test
    void dependsOnAMessageIdInTheCoverLetter() {
        List<SeriesDraft> series = Pipeline.series(Pipeline.patchwork("series/dependency-base-patch.mbox"),
                Pipeline.template("series/dependency-one-cover.mbox.template", Map.of("depends_token", "<" + BASE_COVER + ">")));
        assertThat(series).hasSize(2);
        assertThat(revisionOf(series, ONE_COVER).dependsOn()).containsExactly(BASE_COVER);
        assertThat(revisionOf(series, BASE_COVER).dependsOn()).isEmpty();
    }

    @Test
    void dependsOnALoreUrlInTheFirstPatch() {
        List<SeriesDraft> series = Pipeline.series(Pipeline.patchwork("series/dependency-base-patch.mbox"),
                Pipeline.template("series/dependency-one-first-patch.mbox.template",
                        Map.of("depends_token", "https://lore.kernel.org/all/" + BASE_PATCH + "/")));
        assertThat(revisionOf(series, ONE_COVER).dependsOn()).containsExactly(BASE_COVER);
    }

    @Test
    void dependsOnSeveralRevisionsByPatchworkAndMsgidLinks() {
        byte[] base = Pipeline.patchwork("series/dependency-base-patch.mbox");
        byte[] one = Pipeline.template("series/dependency-one-cover.mbox.template",
                Map.of("depends_token", "<" + BASE_COVER + ">"));
        for (String name : List.of("dependency-multi", "dependency-multi-2")) {
            byte[] multi = Pipeline.template("series/" + name + ".mbox.template", Map.of(
                    "depends_token_1", "https://patchwork.kernel.org/project/test/patch/" + BASE_PATCH + "/",
                    "depends_token_2", "https://patch.msgid.link/" + ONE_COVER));
            List<SeriesDraft> series = Pipeline.series(base, one, multi);
            assertThat(revisionOf(series, "20240612204019.364820-1-ahassick@iol.unh.edu").dependsOn()).as(name)
                    .containsExactlyInAnyOrder(BASE_COVER, ONE_COVER);
        }
    }
}
