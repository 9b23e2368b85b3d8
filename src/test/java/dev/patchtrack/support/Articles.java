package dev.patchtrack.support;

import dev.patchtrack.store.ArticleEntity;
import java.time.Instant;

/** LWN articles for tests, as the poller stores one it fetched from the feed. */
public final class Articles {

    private Articles() {
    }

    /** A fetched article found in the feed, by Jonathan Corbet, first seen when published; not persisted yet. */
    public static ArticleEntity fetched(String url, String title, Instant published) {
        ArticleEntity a = new ArticleEntity();
        a.url = url;
        a.title = title;
        a.author = "Jonathan Corbet";
        a.publishedAt = published;
        a.state = ArticleEntity.FETCHED;
        a.foundIn = "feed";
        a.firstSeenAt = published;
        return a;
    }
}
