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

/** A message that carries a diff, as a member of one revision. */
@Entity
@Table(name = "patch")
public class PatchEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patch_seq")
    @SequenceGenerator(name = "patch_seq", sequenceName = "patch_seq", allocationSize = 50)
    public Long id;

    @Column(name = "revision_id", nullable = false)
    public Long revisionId;

    @Column(name = "message_pk", nullable = false)
    public Long messagePk;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String subject;

    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "files_changed", nullable = false)
    public int filesChanged;

    @Column(nullable = false)
    public int insertions;

    @Column(nullable = false)
    public int deletions;

    @jakarta.persistence.Embedded
    public ReviewColumns review = new ReviewColumns();

    @Column(name = "state_overridden", nullable = false)
    public boolean stateOverridden;
}
