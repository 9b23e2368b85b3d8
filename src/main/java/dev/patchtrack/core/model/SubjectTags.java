package dev.patchtrack.core.model;

import java.util.List;

/**
 * What the bracketed tags of a subject say: {@code [RFC PATCH net-next v3 05/12] rust: nvme: ...}.
 *
 * @param subject         the subject as decoded, unchanged
 * @param title           the subject without reply prefixes (Re:, Fwd:, Aw:) and bracketed tags
 * @param normalizedTitle {@code title} lower-cased with runs of white space folded: the key that
 *                        matches the same work across versions
 * @param reply           the subject starts with a reply prefix
 * @param patch           a PATCH (or PATCHv2, RFC, PULL ...) tag is present
 * @param rfc             an RFC tag is present
 * @param resend          a RESEND tag is present
 * @param version         the stated version (v3 gives 3), 0 when the subject states none
 * @param versionMinor    the minor part of a respin version (v5.1 gives 1), 0 when none
 * @param number          n of n/N, 0 for a cover letter or when there is no counter
 * @param total           N of n/N, 0 when there is no counter
 * @param treeTags        tree or branch tags such as {@code net-next}, {@code rust-next}, {@code bpf}
 * @param otherTags       any other tag, unchanged
 */
public record SubjectTags(
        String subject,
        String title,
        String normalizedTitle,
        boolean reply,
        boolean patch,
        boolean rfc,
        boolean resend,
        int version,
        int versionMinor,
        int number,
        int total,
        List<String> treeTags,
        List<String> otherTags) {

    public SubjectTags {
        treeTags = List.copyOf(treeTags);
        otherTags = List.copyOf(otherTags);
    }

    /**
     * True when the posting announces a commit already made: {@code [COMMITTED 01/02]}, {@code [pushed]},
     * as GCC's lists write (gccrs upstreams its work so).
     */
    public boolean committed() {
        return java.util.stream.Stream.concat(treeTags.stream(), otherTags.stream())
                .anyMatch(t -> t.equalsIgnoreCase("committed") || t.equalsIgnoreCase("pushed"));
    }

    /** True when the subject carries an n/N counter. */
    public boolean counted() {
        return total > 0;
    }

    /** The version, or 1 when the subject states none. */
    public int effectiveVersion() {
        return version > 0 ? version : 1;
    }
}
