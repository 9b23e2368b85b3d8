package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A trailer given to a patch, by a person, in a message. */
@Entity
@Table(name = "trailer")
public class TrailerEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trailer_seq")
    @SequenceGenerator(name = "trailer_seq", sequenceName = "trailer_seq", allocationSize = 50)
    public Long id;

    @Column(name = "patch_id", nullable = false)
    public Long patchId;

    @Column(nullable = false)
    public String name;

    @Column(name = "trailer_value", nullable = false)
    public String value;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "source_message_pk", nullable = false)
    public Long sourceMessagePk;
}
