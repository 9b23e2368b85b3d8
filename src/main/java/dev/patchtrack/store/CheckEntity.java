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

/** A result a CI system posted on a patch (a Patchwork check), kept with the patch's message. */
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
}
