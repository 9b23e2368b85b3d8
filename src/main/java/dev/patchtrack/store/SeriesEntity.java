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

/** All revisions of one piece of work. */
@Entity
@Table(name = "series")
public class SeriesEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "series_seq")
    @SequenceGenerator(name = "series_seq", sequenceName = "series_seq", allocationSize = 50)
    public Long id;

    @Column(name = "series_key", nullable = false)
    public String seriesKey;

    @Column(nullable = false)
    public String title;

    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "first_posted_at")
    public Instant firstPostedAt;

    @Column(name = "last_posted_at")
    public Instant lastPostedAt;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    @Column(name = "revision_count", nullable = false)
    public int revisionCount;

    /** Stored through {@link PackedList#SERIES_LISTS}. */
    @Column(name = "list_names", nullable = false)
    @Convert(converter = PackedList.SeriesListsColumn.class)
    public List<String> listNames = List.of();

    @jakarta.persistence.Embedded
    public ReviewColumns review = new ReviewColumns();

    @Column(name = "state_overridden", nullable = false)
    public boolean stateOverridden;

    /** Stored through {@link PackedList#SERIES_TOPICS}. */
    @Column(nullable = false)
    @Convert(converter = PackedList.SeriesTopicsColumn.class)
    public List<String> topics = List.of();
}
