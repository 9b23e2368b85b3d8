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

/**
 * One address that wrote mail; {@code email} is case-folded. The name is the one its owner signed their
 * latest posting with (patch, cover letter or pull request, by Date), so a new name replaces the old one
 * and a reply's mail-client name does not; the mailmap's name beats both.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String email;

    public String name;

    /** The Date of the posting whose From gave {@code name}; null while no posting of theirs did. */
    @Column(name = "name_seen_at")
    public Instant nameSeenAt;
}
