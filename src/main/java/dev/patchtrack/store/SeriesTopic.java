package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A topic of a series and the rule that gave it: what the {@code topic} filter uses. */
@Entity
@Table(name = "series_topic")
@IdClass(SeriesTopic.Key.class)
public class SeriesTopic extends PanacheEntityBase {

    @Id
    @Column(name = "series_id")
    public Long seriesId;

    @Id
    public String topic;

    @Column(nullable = false)
    public String reason;

    /** The label's detail, e.g. the architectures of {@code rust-arch}; null when its rule names none. */
    public String detail;

    /** The composite key. */
    public static class Key implements Serializable {
        public Long seriesId;
        public String topic;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(seriesId, k.seriesId) && Objects.equals(topic, k.topic);
        }

        @Override
        public int hashCode() {
            return Objects.hash(seriesId, topic);
        }
    }
}
