package dev.patchtrack.api;

import dev.patchtrack.api.dto.TodoInfo;
import dev.patchtrack.api.dto.TodoItemInfo;
import dev.patchtrack.core.feed.Feed;
import dev.patchtrack.core.maintainers.Reviewers.Reviewer;
import dev.patchtrack.core.maintainers.Reviewers.Status;
import dev.patchtrack.ingest.tree.ReviewerService;
import dev.patchtrack.ingest.tree.ReviewerService.Waiting;
import dev.patchtrack.store.ReviewerReads.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The open revisions that wait on a person, as a page of the API and as a feed. */
@ApplicationScoped
public class Todos {

    @Inject
    ReviewerService reviewers;

    /** One page of what waits on {@code who}. */
    public TodoInfo page(String who, Paging paging) {
        ReviewerService.Todo todo = reviewers.todo(who);
        if (todo.items() == null) {
            return new TodoInfo(who, 0, paging.page(), paging.perPage(), todo.source().note(), null);
        }
        List<Waiting> all = todo.items();
        int from = (int) Math.min(all.size(), (long) (paging.page() - 1) * paging.perPage());
        int to = Math.min(all.size(), from + paging.perPage());
        List<TodoItemInfo> items = all.subList(from, to).stream().map(w -> item(w, who)).toList();
        return new TodoInfo(who, all.size(), paging.page(), paging.perPage(), todo.source().note(), items);
    }

    /** The newest {@code limit} of what waits on {@code who}, one entry a revision, updated by its newest mail. */
    public Feed feed(String who, int limit, String base, String self) {
        ReviewerService.Todo todo = reviewers.todo(who);
        List<Feed.Entry> entries = new ArrayList<>();
        if (todo.items() != null) {
            for (Waiting w : todo.items().subList(0, Math.min(limit, todo.items().size()))) {
                TodoItemInfo i = item(w, who);
                List<String> waiting = w.reviewers().stream().filter(r -> r.status() == Status.WAITING)
                        .map(r -> r.listed().name() == null ? r.listed().address() : r.listed().name()).toList();
                entries.add(new Feed.Entry(FeedResource.TAG + "revision/" + i.revisionId(),
                        i.title() + " (v" + i.version() + ", " + i.state() + ")",
                        base + "api/series/" + i.seriesId() + "?format=text", i.lastActivity(), i.posted(), null,
                        "Waiting on " + who + " as " + i.role() + " of " + i.section() + "\n"
                                + "Still waiting on: " + String.join(", ", waiting) + "\n"
                                + "State: " + i.state(), List.of(i.state(), i.role())));
            }
        }
        String q = URLEncoder.encode(who, StandardCharsets.UTF_8);
        Instant updated = entries.isEmpty() ? Instant.now() : entries.stream().map(Feed.Entry::updated)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(Instant.now());
        return new Feed(FeedResource.TAG + "todo/" + who.toLowerCase(Locale.ROOT),
                "patchtrack: waiting on " + who + (todo.items() == null ? " (" + todo.source().note() + ")" : ""),
                base + "api/todo?who=" + q, self, updated, entries);
    }

    private static TodoItemInfo item(Waiting w, String who) {
        Posting p = w.posting();
        String key = who.toLowerCase(Locale.ROOT);
        Reviewer me = w.reviewers().stream().filter(r -> r.listed().key().equals(key)).findFirst().orElseThrow();
        return new TodoItemInfo(p.revisionId(), p.seriesId(), p.version(), p.title(), p.state(), p.postedAt(),
                w.lastActivity(), me.listed().role().wireName(), me.listed().section(), Views.reviewers(w.reviewers()),
                "/api/series/" + p.seriesId());
    }
}
