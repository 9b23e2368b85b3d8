package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

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

    @Column(name = "list_names", nullable = false)
    public String listNames;

    @Column(nullable = false)
    public String state = "new";

    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "state_message_pk")
    public Long stateMessagePk;

    @Column(name = "state_person_id")
    public Long statePersonId;

    @Column(name = "state_overridden", nullable = false)
    public boolean stateOverridden;

    @Column(nullable = false)
    public String topics = "";
}
