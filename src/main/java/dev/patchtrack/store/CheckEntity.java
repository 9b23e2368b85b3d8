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

/**
 * A CI result on a patch or cover letter (a Patchwork check), kept with its message: posted by a CI
 * system, or derived from a bot's reply ({@code sourceMessagePk} and {@code rule} then say which).
 */
@Entity
@Table(name = "patch_check")
public class CheckEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patch_check_seq")
    @SequenceGenerator(name = "patch_check_seq", sequenceName = "patch_check_seq", allocationSize = 50)
    public Long id;

    @Column(name = "message_pk", nullable = false)
    public Long messagePk;

    /** pending, success, warning or fail. */
    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public String context;

    @Column(name = "target_url")
    public String targetUrl;

    public String description;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "event_id")
    public Long eventId;

    /** The bot's message it was derived from; null for a check a CI system posted. */
    @Column(name = "source_message_pk")
    public Long sourceMessagePk;

    /** For a derived check: the line and the check rule that gave its state. */
    public String rule;
}
