package dev.patchtrack.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.series.SeriesModel.LinkReason;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.RevisionLink;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.support.RealMail;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Series, revisions and links the builder makes of real threads from {@code ../shared/corpus/real/}. */
class RealMailSeriesTest {

    private static final String RUST_SUPPORT_RFC = "20210414184604.23473-1-ojeda@kernel.org";

    private static List<LinkReason> reasons(SeriesDraft s) {
        return s.links().stream().map(RevisionLink::reason).toList();
    }

    @Nested
    class VersionLinksInTheCoverLetter {

        @Test
        void rustSupportIsOneSeriesFromItsRfcToV10() {
            SeriesDraft s = RealMail.kbuild().seriesOf(RUST_SUPPORT_RFC);
            assertThat(RealMail.versions(s)).containsExactly("v1 RFC", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
                    "v9", "v10");
            assertThat(s.revisions().get(0).coverMessageId()).isEqualTo(RUST_SUPPORT_RFC);
            assertThat(s.revisions().get(10).coverMessageId()).isEqualTo("20220927131518.30000-1-ojeda@kernel.org");
        }

        @Test
        void theLinksAfterABareDoubleDashAreReadAndNamedExplicit() {
            // every cover from v1 on lists the earlier versions' lore URLs below a bare "--" line
            SeriesDraft s = RealMail.kbuild().seriesOf(RUST_SUPPORT_RFC);
            assertThat(reasons(s)).hasSize(10).containsOnly(LinkReason.EXPLICIT_LINK);
            assertThat(RealMail.kbuild().facts.get("20210704202756.29107-1-ojeda@kernel.org").earlierVersionIds())
                    .containsExactly(RUST_SUPPORT_RFC);
            assertThat(RealMail.kbuild().facts.get("20220927131518.30000-1-ojeda@kernel.org").earlierVersionIds())
                    .hasSize(10).contains(RUST_SUPPORT_RFC, "20220805154231.31257-1-ojeda@kernel.org");
        }
    }

    @Nested
    class VersionsFromTheMessageItself {

        @Test
        void anUnversionedPostingAfterAnRfcIsV1AndTheNextThatSaysV2IsV2() {
            // "[PATCH 00/17] Rust support" (2021-07) and "[PATCH 00/19] Rust support" saying
            // "This is the patch series (v2)" (2021-12): neither subject has a version
            assertThat(RealMail.kbuild().revisionOf("20210704202756.29107-1-ojeda@kernel.org").version()).isEqualTo(1);
            RevisionDraft v2 = RealMail.kbuild().revisionOf("20211206140313.5653-1-ojeda@kernel.org");
            assertThat(v2.version()).isEqualTo(2);
            assertThat(v2.rfc()).isFalse();
        }

        @Test
        void aB4IdInALinkedMessageDoesNotGiveAVersion() {
            // v1 of "rust: ... flattened" links to other work whose b4 id says -v7-; its own id says -v1-
            RevisionDraft v1 = RealMail.kbuild().revisionOf("20251101-b4-as-flattened-v1-1-860f2ebeedfd@nvidia.com");
            assertThat(v1.version()).isEqualTo(1);
            SeriesDraft s = RealMail.kbuild().seriesOf("20251101-b4-as-flattened-v1-1-860f2ebeedfd@nvidia.com");
            assertThat(RealMail.versions(s)).startsWith("v1", "v2");
            assertThat(reasons(s).get(0)).isEqualTo(LinkReason.CHANGE_ID);

            assertThat(RealMail.pci().revisionOf("20250710-core-cstr-cstrings-v1-0-027420ea799e@gmail.com").version())
                    .isEqualTo(1);
            assertThat(RealMail.pci().revisionOf("20250721-irq-bound-device-v1-1-4fb2af418a63@google.com").version())
                    .isEqualTo(1);
        }

        @Test
        void anUnversionedB4PostingTakesTheVersionOfItsOwnId() {
            assertThat(dev.patchtrack.core.patch.PatchAnalyzer.ownIdVersion("20251216-nova-unload-v1-0-6a5d823be19d@nvidia.com")).isEqualTo(1);
            assertThat(dev.patchtrack.core.patch.PatchAnalyzer.ownIdVersion("20220927131518.30000-1-ojeda@kernel.org")).isZero();
        }
    }

    @Nested
    class RfcIsWhatThePostingSays {

        @Test
        void oneRfcPatchAmongPlainOnesDoesNotMakeTheRevisionRfc() {
            // v2 and v3 of "Rust support" carry "[RFC PATCH 18/19] drivers: gpio: PrimeCell PL061 in Rust"
            assertThat(RealMail.kbuild().revisionOf("20211206140313.5653-1-ojeda@kernel.org").rfc()).isFalse();
            assertThat(RealMail.kbuild().revisionOf("20220117053349.6804-1-ojeda@kernel.org").rfc()).isFalse();
            assertThat(RealMail.pci().revisionOf("20251216-nova-unload-v1-0-6a5d823be19d@nvidia.com").rfc()).isFalse();
            // "[RFC 0/7]": the cover says RFC
            assertThat(RealMail.pci().revisionOf("20251206124208.305963-1-zhiw@nvidia.com").rfc()).isTrue();
        }
    }
    @Nested
    class PeopleAndCarriedPatches {

        @Test
        void aSeriesCarryingAnotherAuthorsPatchIsItsSendersAndStaysApart() {
            // Tim Kovalenko posts "rust: ptr: ..." v4 (via B4 Relay) whose first patches are Gary Guo's
            String first = "20260309-drm-rust-next-v4-1-4ef485b19a4c@proton.me";
            SeriesDraft tims = RealMail.kbuild().seriesOf(first);
            assertThat(tims.author().email()).isEqualTo("tim.kovalenko@proton.me");
            assertThat(tims.author().name()).isEqualTo("Tim Kovalenko");
            assertThat(RealMail.kbuild().facts.get(first).author().email()).isEqualTo("gary@garyguo.net");
            for (SeriesDraft other : RealMail.kbuild().series) {
                if (other != tims && other.title().startsWith("rust: ptr: add projection infrastructure")) {
                    assertThat(other.author().email()).startsWith("gary@");
                }
            }
        }

        @Test
        void mailThroughTheB4RelayIsFromThePersonBehindIt() {
            assertThat(RealMail.pci().facts.get("20260103-add-rust-pci-header-type-v1-1-879b4d74b227@gmail.com").from())
                    .satisfies(a -> {
                        assertThat(a.email()).isEqualTo("engineer.jjhama@gmail.com");
                        assertThat(a.name()).isEqualTo("SeungJong Ha");
                    });
        }

        @Test
        void aNewChangeIdPerVersionDoesNotBlockAnExactHeuristicLink() {
            // "RISC-V: re-enable gcc + rust builds": v3 came with a change-id of its own
            SeriesDraft s = RealMail.kbuild().seriesOf("20250914-gcc-rust-v3-v3-1-34d4d5864144@gmail.com");
            assertThat(RealMail.versions(s)).containsExactly("v1", "v2", "v3", "v4", "v5", "v6");
            assertThat(s.revisions().get(0).key()).isEqualTo("20250903190806.2604757-1-SpriteOvO@gmail.com");
            assertThat(s.links().get(1).reason()).isEqualTo(LinkReason.HEURISTIC);
        }

        @Test
        void theSameNameAtANewAddressLinksWhenEverythingElseMatches() {
            // "kbuild: rust: split up helpers.c": v2 by Andreas Hindborg <a.hindborg@samsung.com> (sent by
            // Miguel Ojeda), v3 by Andreas Hindborg <nmi@metaspace.dk>
            SeriesDraft s = RealMail.kbuild().seriesOf("20240815103016.2771842-1-nmi@metaspace.dk");
            assertThat(RealMail.versions(s)).containsExactly("v2", "v3");
            assertThat(s.revisions().get(0).key()).isEqualTo("20240507210818.672517-1-ojeda@kernel.org");
        }
    }
}
