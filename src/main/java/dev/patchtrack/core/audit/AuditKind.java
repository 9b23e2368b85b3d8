package dev.patchtrack.core.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an audit finding doubts. The wire name is what the API and the command take and print. */
public enum AuditKind {
    /** a revision that has a cover letter (or a counter) but not one of its patches */
    REVISION_WITHOUT_PATCHES,
    /** a posting whose patches state another version than its cover letter */
    VERSION_DISAGREES,
    /** a series whose revisions were sent by more than one person */
    SEVERAL_AUTHORS,
    /** two revisions linked by nothing but author and subject, posted far apart */
    LONG_HEURISTIC_GAP,
    /** one Message-ID received more than once with other bytes */
    DUPLICATE_MESSAGE_ID,
    /** a message that carries a diff and belongs to no revision */
    PATCH_WITHOUT_REVISION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind with this wire name (case and surrounding blanks ignored). */
    public static Optional<AuditKind> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.wireName().equals(n)).findFirst();
    }

    /** Every wire name, in order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AuditKind::wireName).toList();
    }
}
