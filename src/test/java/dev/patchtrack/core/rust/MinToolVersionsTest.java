package dev.patchtrack.core.rust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinToolVersionsTest {

    /** As scripts/min-tool-version.sh reads in v6.13 (abridged: the llvm branch keeps its per-arch ifs). */
    static final String V6_13 = """
            #!/bin/sh
            # SPDX-License-Identifier: GPL-2.0-only
            #
            # Print the minimum supported version of the given tool.
            set -e

            if [ $# != 1 ]; then
            \techo "Usage: $0 toolname" >&2
            \texit 1
            fi

            case "$1" in
            binutils)
            \techo 2.25.0
            \t;;
            gcc)
            \tif [ "$ARCH" = parisc64 ]; then
            \t\techo 12.0.0
            \telse
            \t\techo 5.1.0
            \tfi
            \t;;
            llvm)
            \tif [ "$SRCARCH" = s390 -o "$SRCARCH" = x86 ]; then
            \t\techo 15.0.0
            \telse
            \t\techo 13.0.1
            \tfi
            \t;;
            rustc)
            \techo 1.78.0
            \t;;
            bindgen)
            \techo 0.65.1
            \t;;
            *)
            \techo "$1: unknown tool" >&2
            \texit 1
            \t;;
            esac
            """;

    @Test
    void eachToolHasTheFirstVersionItsBranchEchoes() {
        assertThat(MinToolVersions.parse(V6_13)).containsEntry("rustc", "1.78.0").containsEntry("bindgen", "0.65.1")
                .containsEntry("binutils", "2.25.0").containsEntry("gcc", "12.0.0").containsEntry("llvm", "15.0.0")
                .doesNotContainKey("*");
    }

    @Test
    void aReleaseBeforeRustHasNoRustcAndOneLineBranchesCount() {
        assertThat(MinToolVersions.parse("case \"$1\" in\ngcc)\n\techo 5.1.0\n\t;;\nesac\n")).doesNotContainKey("rustc");
        assertThat(MinToolVersions.parse("case \"$1\" in\nrustc) echo 1.62.0 ;;\nbindgen) echo 0.56.0 ;;\nesac\n"))
                .containsEntry("rustc", "1.62.0").containsEntry("bindgen", "0.56.0");
        assertThat(MinToolVersions.parse(null)).isEmpty();
    }
}
