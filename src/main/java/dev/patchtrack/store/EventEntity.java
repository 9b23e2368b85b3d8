package dev.patchtrack.store;

import dev.patchtrack.core.model.EventKind;
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

/** One entry of the append-only event log, with an increasing id. */
@Entity
@Table(name = "event")
public class EventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false)
    @Convert(converter = EventKindColumn.class)
    public EventKind kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "series_id")
    public Long seriesId;

    @Column(name = "revision_id")
    public Long revisionId;

    @Column(name = "patch_id")
    public Long patchId;

    @Column(name = "message_id")
    public String messageId;

    @Column(nullable = false)
    public String summary;

    public static EventEntity of(EventKind kind, Long seriesId, Long revisionId, Long patchId, String messageId,
                                 String summary) {
        EventEntity e = new EventEntity();
        e.kind = kind;
        e.createdAt = Instant.now();
        e.seriesId = seriesId;
        e.revisionId = revisionId;
        e.patchId = patchId;
        e.messageId = messageId == null ? null : Bulk.clip(messageId, 1000);
        e.summary = Bulk.clip(summary, 2000);
        return e;
    }
}
