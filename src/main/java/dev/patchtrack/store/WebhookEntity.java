package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A webhook subscription: where events go, which ones, signed with what, and how far it has got. */
@Entity
@Table(name = "webhook")
public class WebhookEntity extends PanacheEntityBase {

    /** The names a filter may have: the event log's own filters. */
    public static final List<String> FILTERS = List.of("kind", "series", "list", "topic");

    /** One value of one filter. */
    @Embeddable
    public static class Filter {
        @Column(nullable = false)
        public String name;

        @Column(name = "filter_value", nullable = false)
        public String value;

        public Filter() {
        }

        public Filter(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    public Long id;

    /** Hex SHA-256 of the token that made it. */
    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String secret;

    public String description;

    /** Events up to this id have their deliveries. */
    @Column(name = "event_cursor", nullable = false)
    public long cursor;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_filter", joinColumns = @JoinColumn(name = "webhook_id"))
    public List<Filter> filters = new ArrayList<>();

    /** The values of filter {@code name}, empty when it does not filter on it. */
    public List<String> values(String name) {
        return filters.stream().filter(f -> f.name.equals(name)).map(f -> f.value).toList();
    }
}
