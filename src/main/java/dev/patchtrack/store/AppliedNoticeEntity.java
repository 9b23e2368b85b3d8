package dev.patchtrack.store;

import dev.patchtrack.core.model.AppliedNotice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;

/** An "applied" notice given in a revision's threads. */
@Entity
@Table(name = "applied_notice")
public class AppliedNoticeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "applied_notice_seq")
    @SequenceGenerator(name = "applied_notice_seq", sequenceName = "applied_notice_seq", allocationSize = 50)
    public Long id;

    @Column(name = "revision_id", nullable = false)
    public Long revisionId;

    /** 0 for the whole revision, else the patch the notice answers. */
    @Column(name = "patch_number", nullable = false)
    public int patchNumber;

    @Column(name = "source_message_pk", nullable = false)
    public Long sourceMessagePk;

    @Column(name = "person_id")
    public Long personId;

    public String tree;

    public String branch;

    /** The commits the notice lists, stored through {@link AppliedCommits} (one per line; null when none). */
    @Convert(converter = AppliedCommits.Column.class)
    public List<AppliedNotice.Commit> commits = List.of();
}
