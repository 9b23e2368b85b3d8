package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One LWN article. */
@Entity
@Table(name = "article")
public class ArticleEntity extends PanacheEntityBase {

    /** Where an article stands. */
    public static final String PENDING = "pending";
    public static final String FETCHED = "fetched";
    public static final String PAYWALLED = "paywalled";
    public static final String UNREADABLE = "unreadable";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String title;

    public String author;

    @Column(name = "published_at")
    public Instant publishedAt;

    public String section;

    /** Stored through {@link PackedList#INDEX_TERMS} (one per line; null when none). */
    @Column(name = "index_terms")
    @Convert(converter = PackedList.IndexTermsColumn.class)
    public List<String> indexTerms = List.of();

    public String summary;

    public String body;

    @Column(name = "subscriber_only", nullable = false)
    public boolean subscriberOnly;

    @Column(nullable = false)
    public String state;

    @Column(name = "free_at")
    public Instant freeAt;

    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;

    @Column(name = "fetch_count", nullable = false)
    public int fetchCount;

    @Column(name = "fetched_at")
    public Instant fetchedAt;

    public String problems;

    @Column(name = "found_in", nullable = false)
    public String foundIn;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;
}
