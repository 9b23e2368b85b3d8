package dev.patchtrack.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.audit.AuditInput.Copied;
import dev.patchtrack.core.audit.AuditInput.Loose;
import dev.patchtrack.core.audit.AuditInput.Patch;
import dev.patchtrack.core.audit.AuditInput.Revision;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditorTest {

    private static final Instant T0 = Instant.parse("2024-01-10T10:00:00Z");
    private static final Auditor AUDITOR = new Auditor(Duration.ofDays(60));

    private static Revision rev(long id, long series, int position, int version, long author, Instant at, String link,
                                String cover, String coverSubject, List<Patch> patches) {
        return new Revision(id, series, cover != null ? cover : patches.get(0).messageId(), position, version,
                false, patches.isEmpty() ? 3 : patches.size(), "rust: add the thing", author, "Person " + author
                + " <p" + author + "@example.org>", at, link == null ? null : LinkReason.valueOf(link), cover, coverSubject, patches);
    }

    private static List<AuditFinding> audit(Revision... revisions) {
        return AUDITOR.audit(new AuditInput(List.of(revisions), List.of(), List.of()));
    }

    @Test
    void aRevisionWithItsPatchesAndOneAuthorIsNotDoubted() {
        assertThat(audit(
                rev(1, 10, 0, 1, 7, T0, null, "c1", "[PATCH 0/2] rust: add the thing",
                        List.of(new Patch(1, "p1", "[PATCH 1/2] a"), new Patch(2, "p2", "[PATCH 2/2] b"))),
                rev(2, 10, 1, 2, 7, T0.plus(Duration.ofDays(59)), "HEURISTIC", "c2", "[PATCH v2 0/2] rust: add the thing",
                        List.of(new Patch(1, "q1", "[PATCH v2 1/2] a"), new Patch(2, "q2", "[PATCH v2 2/2] b")))))
                .isEmpty();
    }

    @Test
    void aCoverLetterAloneIsARevisionWithoutPatches() {
        List<AuditFinding> f = audit(rev(1, 10, 0, 3, 7, T0, null, "c1", "[PATCH v3 0/3] rust: add the thing", List.of()));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(AuditKind.REVISION_WITHOUT_PATCHES);
            assertThat(x.seriesId()).isEqualTo(10L);
            assertThat(x.revisionId()).isEqualTo(1L);
            assertThat(x.messageIds()).containsExactly("c1");
            assertThat(x.summary()).contains("v3").contains("none of its 3 patches");
        });
    }

    @Test
    void patchesStatingAnotherVersionThanTheCoverDisagree() {
        List<AuditFinding> f = audit(rev(1, 10, 0, 2, 7, T0, null, "c1", "[PATCH v2 0/3] rust: add the thing",
                List.of(new Patch(1, "p1", "[PATCH v2 1/3] a"), new Patch(2, "p2", "[PATCH 2/3] b"),
                        new Patch(3, "p3", "[PATCH v3 3/3] c"))));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(AuditKind.VERSION_DISAGREES);
            assertThat(x.messageIds()).containsExactly("c1", "p2", "p3");
            assertThat(x.summary()).contains("says v2").contains("2 of 3").contains("1 says v1").contains("1 says v3");
        });
        // no version anywhere is v1 everywhere; a respin (v5.1) is of v5
        assertThat(audit(rev(1, 10, 0, 2, 7, T0, null, "c1", "[PATCH 00/19] Rust support",
                List.of(new Patch(1, "p1", "[PATCH 01/19] kallsyms"))))).isEmpty();
        assertThat(audit(rev(1, 10, 0, 5, 7, T0, null, "c1", "[PATCH v5 00/12] x",
                List.of(new Patch(10, "p10", "[PATCH v5.1 10/12] y"))))).isEmpty();
    }

    @Test
    void revisionsSentByDifferentPeopleAreOneFindingPerSeries() {
        List<AuditFinding> f = audit(
                rev(1, 10, 0, 1, 7, T0, null, null, null, List.of(new Patch(1, "p1", "[PATCH] a"))),
                rev(2, 10, 1, 2, 8, T0.plus(Duration.ofDays(3)), "HEURISTIC", null, null, List.of(new Patch(1, "q1", "[PATCH v2] a"))),
                rev(3, 10, 2, 3, 7, T0.plus(Duration.ofDays(5)), "CHANGE_ID", null, null, List.of(new Patch(1, "r1", "[PATCH v3] a"))));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(AuditKind.SEVERAL_AUTHORS);
            assertThat(x.seriesId()).isEqualTo(10L);
            assertThat(x.revisionId()).isNull();
            assertThat(x.messageIds()).containsExactly("p1", "q1");
            assertThat(x.summary()).contains("2 people").contains("Person 7 <p7@example.org> (v1, v3)")
                    .contains("Person 8 <p8@example.org> (v2)");
        });
    }

    @Test
    void onlyAHeuristicLinkAcrossMoreThanTheGapIsDoubted() {
        Revision v1 = rev(1, 10, 0, 1, 7, T0, null, null, null, List.of(new Patch(1, "p1", "[PATCH] a")));
        Instant late = T0.plus(Duration.ofDays(200));
        assertThat(audit(v1, rev(2, 10, 1, 2, 7, late, "CHANGE_ID", null, null, List.of(new Patch(1, "q1", "[PATCH v2] a")))))
                .isEmpty();
        List<AuditFinding> f = audit(v1, rev(2, 10, 1, 2, 7, late, "HEURISTIC", null, null,
                List.of(new Patch(1, "q1", "[PATCH v2] a"))));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(AuditKind.LONG_HEURISTIC_GAP);
            assertThat(x.revisionId()).isEqualTo(2L);
            assertThat(x.messageIds()).containsExactly("p1", "q1");
            assertThat(x.summary()).contains("v2 follows v1 after 200 days");
        });
        // an RFC says so
        Revision rfc = new Revision(1, 10, "p1", 0, 1, true, 1, "rust: add the thing", 7L, "Person 7 <p7@example.org>", T0,
                null, null, null, List.of(new Patch(1, "p1", "[RFC PATCH] a")));
        assertThat(audit(rfc, rev(2, 10, 1, 1, 7, late, "HEURISTIC", null, null, List.of(new Patch(1, "q1", "[PATCH] a")))))
                .singleElement().satisfies(x -> assertThat(x.summary()).contains("v1 follows RFC v1 after 200 days"));
        // the gap is configurable
        assertThat(new Auditor(Duration.ofDays(365)).audit(new AuditInput(List.of(v1, rev(2, 10, 1, 2, 7, late,
                "HEURISTIC", null, null, List.of(new Patch(1, "q1", "[PATCH v2] a")))), List.of(), List.of()))).isEmpty();
    }

    @Test
    void copiesAndLoosePatchesAreListedWithTheirMessage() {
        List<AuditFinding> f = AUDITOR.audit(new AuditInput(List.of(),
                List.of(new Copied("dup@example.org", "[PATCH v6 0/2] x", 1, List.of("linux-kbuild"), 10L, 20L)),
                List.of(new Loose("loose@example.org", "[PATCH 3/5] y", T0))));
        assertThat(f).extracting(AuditFinding::kind)
                .containsExactly(AuditKind.DUPLICATE_MESSAGE_ID, AuditKind.PATCH_WITHOUT_REVISION);
        assertThat(f.get(0).messageIds()).containsExactly("dup@example.org");
        assertThat(f.get(0).seriesId()).isEqualTo(10L);
        assertThat(f.get(0).summary()).contains("received 2 times").contains("1 copy is kept").contains("(received for linux-kbuild)");
        assertThat(f.get(1).messageIds()).containsExactly("loose@example.org");
        assertThat(f.get(1).seriesId()).isNull();

        Map<AuditKind, Integer> counts = Auditor.counts(f);
        assertThat(counts.keySet()).containsExactly(AuditKind.values());
        assertThat(counts.get(AuditKind.DUPLICATE_MESSAGE_ID)).isEqualTo(1);
        assertThat(counts.get(AuditKind.SEVERAL_AUTHORS)).isZero();
    }

    @Test
    void kindsHaveWireNamesAndTextNeverCutsAMessageId() {
        assertThat(AuditKind.wireNames()).containsExactly("revision-without-patches", "version-disagrees",
                "several-authors", "long-heuristic-gap", "duplicate-message-id", "patch-without-revision");
        assertThat(AuditKind.fromWire(" Duplicate-Message-ID ")).contains(AuditKind.DUPLICATE_MESSAGE_ID);
        assertThat(AuditKind.fromWire("duplicates")).isEmpty();
        String id = "a".repeat(120) + "@example.org";
        String text = AuditText.render(Auditor.counts(List.of()), List.of(new AuditFinding(AuditKind.DUPLICATE_MESSAGE_ID,
                1L, null, "word ".repeat(40) + "\u001b[31m", List.of(id))), 60, null);
        assertThat(text).startsWith("audit: 0 findings\n").contains("<" + id + ">").doesNotContain("\u001b");
        text.lines().filter(l -> !l.contains(id)).forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    }
}
