package dev.patchtrack.core.review;

import java.util.regex.Pattern;

/**
 * Whether a reply asks for changes. Reviewers write it many ways; this recognises the common
 * phrasings of kernel review in unquoted lines ("please fix", "this needs a v2", "can you split",
 * "NAK" is a rejection, not a change request, and is read from Nacked-by instead).
 */
public final class ChangeRequests {

    private static final Pattern ASK = Pattern.compile(
            "(?i)(?:\\bplease\\s+(?:fix|change|split|rework|rebase|update|drop|rename|move|resend|respin|address|use|add|remove|document)\\b"
                    + "|\\bneeds?\\s+(?:a\\s+)?(?:v\\d+|respin|rework|another\\s+version|to\\s+be\\s+(?:fixed|changed|reworked|split))"
                    + "|\\b(?:can|could)\\s+you\\s+(?:please\\s+)?(?:fix|change|split|rework|rebase|update|drop|rename|move|resend|address|use|add|remove)\\b"
                    + "|\\bchanges\\s+requested\\b"
                    + "|\\bthis\\s+(?:is|looks)\\s+(?:wrong|broken|unsound)\\b"
                    + "|\\bin\\s+the\\s+next\\s+version\\b)");

    private ChangeRequests() {
    }

    /** True when an unquoted line of {@code body} asks for changes. */
    public static boolean asked(String body) {
        if (body == null || body.isEmpty()) {
            return false;
        }
        for (String line : body.split("\n")) {
            String l = line.stripLeading();
            if (l.startsWith(">")) {
                continue;
            }
            if (l.equals("--") || l.equals("-- ")) {
                break;
            }
            if (ASK.matcher(l).find()) {
                return true;
            }
        }
        return false;
    }
}
