package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A topic of a revision and the rule that gave it. */
@Entity
@Table(name = "revision_topic")
@IdClass(RevisionTopic.Key.class)
public class RevisionTopic extends PanacheEntityBase {

    @Id
    @Column(name = "revision_id")
    public Long revisionId;

    @Id
    public String topic;

    @Column(nullable = false)
    public String reason;

    /** The label's detail, e.g. the architectures of {@code rust-arch}; null when its rule names none. */
    public String detail;

    /** The composite key. */
    public static class Key implements Serializable {
        public Long revisionId;
        public String topic;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(revisionId, k.revisionId) && Objects.equals(topic, k.topic);
        }

        @Override
        public int hashCode() {
            return Objects.hash(revisionId, topic);
        }
    }
}
