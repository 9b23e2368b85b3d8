package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored email: its raw bytes (compressed) and what was read from them. */
@Entity
@Table(name = "message")
public class MessageEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    public Long id;

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "synthetic_id", nullable = false)
    public boolean syntheticId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String subject;

    @Column(name = "from_person_id")
    public Long fromPersonId;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "in_reply_to")
    public String inReplyTo;

    @Column(name = "raw_sha256", nullable = false)
    public String rawSha256;

    @Column(name = "raw_size", nullable = false)
    public int rawSize;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] raw;

    public String facts;

    /** What could not be read, in {@link dev.patchtrack.core.model.Problem#encode}'s form; null for none. */
    public String problems;

    @Column(nullable = false)
    public boolean readable;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
