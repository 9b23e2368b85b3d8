package dev.patchtrack.store;

import dev.patchtrack.core.model.OverrideTarget;
import dev.patchtrack.core.review.ReviewState;
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

/** A maintainer's override of a derived state; active while {@code clearedAt} is null. */
@Entity
@Table(name = "state_override")
public class StateOverride extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "state_override_seq")
    @SequenceGenerator(name = "state_override_seq", sequenceName = "state_override_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    @Convert(converter = OverrideTargetColumn.class)
    public OverrideTarget target;

    @Column(name = "target_id", nullable = false)
    public Long targetId;

    @Column(nullable = false)
    @Convert(converter = ReviewStateColumn.class)
    public ReviewState state;

    @Column(name = "set_by", nullable = false)
    public String setBy;

    public String note;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    @Column(name = "cleared_by")
    public String clearedBy;

    @Column(name = "cleared_at")
    public Instant clearedAt;
}
