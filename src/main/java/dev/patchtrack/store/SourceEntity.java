package dev.patchtrack.store;

import dev.patchtrack.core.model.SourceMode;
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

/** Where one list is followed from, and how its syncs went. */
@Entity
@Table(name = "source")
public class SourceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "source_seq")
    @SequenceGenerator(name = "source_seq", sequenceName = "source_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "base_url", nullable = false)
    public String baseUrl;

    @Column(nullable = false)
    public String inbox;

    @Column(nullable = false)
    @Convert(converter = SourceModeColumn.class)
    public SourceMode mode;

    public String query;

    /** How much of the list's past the first sync reads ({@link dev.patchtrack.ingest.lore.History}); null: the default. */
    public String history;

    @Column(name = "schedule_seconds", nullable = false)
    public long scheduleSeconds;

    @Column(name = "stale_after_seconds", nullable = false)
    public long staleAfterSeconds;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false)
    public String origin;

    @Column(name = "needs_rebuild", nullable = false)
    public boolean needsRebuild;

    @Column(name = "last_started_at")
    public Instant lastStartedAt;

    @Column(name = "last_finished_at")
    public Instant lastFinishedAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "last_instance")
    public String lastInstance;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(nullable = false)
    public long runs;

    @Column(nullable = false)
    public long failures;

    @Column(name = "messages_read", nullable = false)
    public long messagesRead;

    @Column(name = "messages_stored", nullable = false)
    public long messagesStored;

    @Column(name = "messages_deleted", nullable = false)
    public long messagesDeleted;

    @Column(name = "newest_mail_at")
    public Instant newestMailAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
