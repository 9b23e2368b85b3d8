package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An LWN document polled with conditional GET (the headlines feed, the kernel index) and its last poll. */
@Entity
@Table(name = "lwn_source")
public class LwnSourceEntity extends PanacheEntityBase {

    @Id
    public String url;

    @Column(nullable = false)
    public String kind;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "polled_at")
    public Instant polledAt;

    public String status;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(nullable = false)
    public int items;

    public String problems;
}
