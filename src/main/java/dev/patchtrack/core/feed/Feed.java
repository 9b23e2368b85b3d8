package dev.patchtrack.core.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed to write as Atom 1.0 or RSS 2.0. Text fields are plain text: the writers escape them.
 *
 * @param id       a stable id (a {@code tag:} URI), the same on every request
 * @param title    the feed title
 * @param link     the page the feed is about
 * @param self     the feed's own URL
 * @param updated  the newest entry's time, or now when empty
 * @param entries  newest first
 */
public record Feed(String id, String title, String link, String self, Instant updated, List<Entry> entries) {

    public Feed {
        entries = List.copyOf(entries);
    }

    /**
     * One entry.
     *
     * @param id         stable id of what the entry reports (an event, a revision)
     * @param title      plain text
     * @param link       where to read more
     * @param updated    when it last changed
     * @param published  when it first appeared, may be null
     * @param author     a name, may be null
     * @param summary    plain text, may be null
     * @param categories topics, states
     */
    public record Entry(String id, String title, String link, Instant updated, Instant published, String author,
                        String summary, List<String> categories) {
        public Entry {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }
}
