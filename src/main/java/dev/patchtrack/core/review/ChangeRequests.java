package dev.patchtrack.core.review;

import dev.patchtrack.core.model.Keywords;
import java.util.regex.Pattern;

/**
 * Whether a reply asks for changes, and whether an author's reply promises a new version. Reviewers
 * write it many ways; this recognises the common phrasings of kernel review in unquoted lines above
 * the signature: requests ("please fix", "this needs a v2", "can you split", "on your next
 * submission"), objections ("I do not like this patch", "please no") and the author's own word that
 * the posting will be reworked ("I will send a v2", "I will adopt this approach in v11", "I will come
 * back with an RFC series"). "NAK" is a rejection, not a change request, and is read from Nacked-by.
 */
public final class ChangeRequests {

    private static final String CHANGE_VERBS = "fix|change|split|rework|rebase|update|drop|rename|move|resend|respin"
            + "|address|use|add|remove|document";

    /** A request for changes. Each alternative starts at a word boundary, tested once before them all (so in PROMISE). */
    static final Pattern ASK = Pattern.compile(
            "(?i)\\b(?:please\\s+(?:" + CHANGE_VERBS + ")\\b"
                    + "|needs?\\s+(?:a\\s+)?(?:v\\d+|respin|rework|another\\s+version|to\\s+be\\s+(?:fixed|changed|reworked|split))"
                    + "|(?:can|could)\\s+you\\s+(?:please\\s+)?(?:" + CHANGE_VERBS + ")\\b"
                    + "|changes\\s+requested\\b"
                    + "|this\\s+(?:is|looks)\\s+(?:wrong|broken|unsound)\\b"
                    + "|(?:in|on|for)\\s+(?:the|your)\\s+next\\s+(?:version|revision|submission|iteration|spin|respin|round|posting)\\b"
                    + "|I\\s+(?:do\\s+not|don't|don’t)\\s+like\\s+(?:this|that|the|to\\s+see)\\b"
                    + "|please\\s+(?:no|don't|do\\s+not)\\b(?!\\s+(?:worry|hesitate))"
                    + "|(?:the\\s+)?commit\\s+(?:message|log)\\s+should\\b"
                    + "|(?:please|(?:can|could)\\s+you(?:\\s+please)?)\\s+(?:explain|mention|note|describe)\\b.{0,80}"
                    + "\\b(?:in|to)\\s+the\\s+(?:commit|change\\s*log|log|description|message|cover)"
                    + "|should\\s+not\\s+have\\s+(?:added|been\\s+added|introduced)\\b)");

    /**
     * The author's promise of a new version: "I will send a v2", "I'll respin", "I will adopt this
     * approach in v11", "I will come back with ...", "I will work on a proper solution", "I will
     * implement ...". Thanking for tags, applying and testing promise nothing.
     */
    static final Pattern PROMISE = Pattern.compile(
            "(?i)\\b(?:I(?:'ll|’ll|\\s+will|\\s+shall|\\s+am\\s+going\\s+to)\\s+(?:just\\s+|then\\s+|now\\s+|also\\s+)?"
                    + "(?:(?:send|post|prepare|spin|respin|resend)\\s+(?:out\\s+)?(?:a\\s+|the\\s+|an\\s+)?"
                    + "(?:v\\d+|new\\s+(?:version|revision|series|iteration)|next\\s+(?:version|revision|iteration)"
                    + "|updated\\s+(?:version|series|patch(?:set)?)|respin|follow-?up\\s+version)"
                    + "|(?:fix|address|change|rework|rewrite|update|drop|split|implement|adopt|rename|restructure)\\b"
                    + "(?!\\s+(?:it\\s+up\\s+)?(?:when|while|on)\\s+appl)"
                    + "|come\\s+back\\s+with\\b|work\\s+on\\s+(?:a|an|the)\\s+(?:proper|new|different|better|cleaner)\\b)"
                    + "|(?:will|I'll)\\b.{0,80}\\b(?:in|for)\\s+(?:v\\d+|the\\s+next\\s+(?:version|revision|iteration|spin|round))\\b)");

    /** Every alternative of {@link #ASK} needs one of these words ("this ..." one of wrong, broken, unsound). */
    static final Keywords ASK_WORDS = Keywords.of("please", "need", "you", "changes", "wrong", "broken", "unsound",
            "next", "like", "should");
    /** Every alternative of {@link #PROMISE} needs one of these words. */
    static final Keywords PROMISE_WORDS = Keywords.of("i'll", "i\u2019ll", "will", "shall", "going");

    private ChangeRequests() {
    }

    /** True when an unquoted line of {@code body} asks for changes. */
    public static boolean asked(String body) {
        return anyLine(body, ASK_WORDS, ASK);
    }

    /** True when an unquoted line of {@code body}, written by a patch's author, promises a new version. */
    public static boolean promised(String body) {
        return anyLine(body, PROMISE_WORDS, PROMISE);
    }

    private static boolean anyLine(String body, Keywords words, Pattern p) {
        if (body == null || body.isEmpty()) {
            return false;
        }
        int n = body.length();
        for (int start = 0; start < n;) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int from = start;
            start = end + 1;
            // the line without its leading white space (String.stripLeading), read in place
            while (from < end && Character.isWhitespace(body.charAt(from))) {
                from++;
            }
            if (from < end && body.charAt(from) == '>') {
                continue;
            }
            if (body.startsWith("--", from) && (end - from == 2 || (end - from == 3 && body.charAt(from + 2) == ' '))) {
                break;
            }
            if (words.in(body, from, end) && p.matcher(body.substring(from, end)).find()) {
                return true;
            }
        }
        return false;
    }
}
