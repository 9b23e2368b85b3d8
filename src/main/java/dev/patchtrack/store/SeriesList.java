package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** That a series has mail on a list: what the {@code list} filter uses. */
@Entity
@Table(name = "series_list")
@IdClass(SeriesList.Key.class)
public class SeriesList extends PanacheEntityBase {

    @Id
    @Column(name = "series_id")
    public Long seriesId;

    @Id
    @Column(name = "list_id")
    public Long listId;

    public static SeriesList of(long seriesId, long listId) {
        SeriesList sl = new SeriesList();
        sl.seriesId = seriesId;
        sl.listId = listId;
        return sl;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public Long seriesId;
        public Long listId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(seriesId, k.seriesId) && Objects.equals(listId, k.listId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(seriesId, listId);
        }
    }
}
