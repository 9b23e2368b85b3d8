package dev.patchtrack.core.classify;

/**
 * One line of the topic rules.
 *
 * @param topic   the topic it gives ({@code rust} is the gate that says whether work is Rust at all)
 * @param signal  what it looks at
 * @param pattern the glob, regular expression, list name or keyword, as written
 * @param origin  where it was written, {@code file:line}, for the reason a label carries
 */
public record TopicRule(String topic, Signal signal, String pattern, String origin) {

    /** What a rule looks at. */
    public enum Signal {
        /** a glob over the paths a diff touches: {@code **} crosses directories, {@code *} does not */
        PATH,
        /** a case-insensitive regular expression over a subject without its bracketed tags */
        SUBJECT,
        /** the name of a list the mail was posted to */
        LIST,
        /** a case-insensitive word or phrase in the cover letter or article text */
        KEYWORD
    }

    @Override
    public String toString() {
        return signal.name().toLowerCase(java.util.Locale.ROOT) + " \"" + pattern + "\" (" + origin + ")";
    }
}
