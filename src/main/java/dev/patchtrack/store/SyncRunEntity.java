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

/** One sync of one source on one instance. */
@Entity
@Table(name = "sync_run")
public class SyncRunEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_run_seq")
    @SequenceGenerator(name = "sync_run_seq", sequenceName = "sync_run_seq", allocationSize = 50)
    public Long id;

    @Column(name = "source_name", nullable = false)
    public String sourceName;

    @Column(nullable = false)
    public String instance;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "messages_read", nullable = false)
    public int messagesRead;

    @Column(name = "messages_stored", nullable = false)
    public int messagesStored;

    public String error;
}
