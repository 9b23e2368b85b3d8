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

/** One archive we ingest, such as rust-for-linux. */
@Entity
@Table(name = "mailing_list")
public class MailingList extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailing_list_seq")
    @SequenceGenerator(name = "mailing_list_seq", sequenceName = "mailing_list_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
