package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** That a message was posted to a list: cross-posted mail has one row per list. */
@Entity
@Table(name = "message_list")
@IdClass(MessageList.Key.class)
public class MessageList extends PanacheEntityBase {

    @Id
    @Column(name = "message_pk")
    public Long messagePk;

    @Id
    @Column(name = "list_id")
    public Long listId;

    public static MessageList of(long messagePk, long listId) {
        MessageList ml = new MessageList();
        ml.messagePk = messagePk;
        ml.listId = listId;
        return ml;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public Long messagePk;
        public Long listId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(messagePk, k.messagePk) && Objects.equals(listId, k.listId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messagePk, listId);
        }
    }
}
