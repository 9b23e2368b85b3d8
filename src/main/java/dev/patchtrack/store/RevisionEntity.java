package dev.patchtrack.store;

import dev.patchtrack.core.series.SeriesModel.LinkReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One posting of a patch set at one version. */
@Entity
@Table(name = "revision")
public class RevisionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_seq")
    @SequenceGenerator(name = "revision_seq", sequenceName = "revision_seq", allocationSize = 50)
    public Long id;

    @Column(name = "series_id", nullable = false)
    public Long seriesId;

    @Column(name = "revision_key", nullable = false)
    public String revisionKey;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public int version;

    @Column(name = "version_minor", nullable = false)
    public int versionMinor;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public boolean rfc;

    @Column(nullable = false)
    public String title;

    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "cover_message_pk")
    public Long coverMessagePk;

    /** How it was linked to the revision before it, null for a first posting. */
    @Column(name = "link_reason")
    @Convert(converter = LinkReasonColumn.class)
    public LinkReason linkReason;

    @Column(name = "patch_count", nullable = false)
    public int patchCount;

    @Column(nullable = false)
    public boolean complete;

    @Column(name = "extra_patches", nullable = false)
    public boolean extraPatches;

    @Column(name = "change_id")
    public String changeId;

    /** Keys of the revisions it depends on, stored through {@link PackedList#DEPENDS_ON} (one per line; null when none). */
    @Column(name = "depends_on")
    @Convert(converter = PackedList.DependsOnColumn.class)
    public List<String> dependsOn = List.of();

    @jakarta.persistence.Embedded
    public ReviewColumns review = new ReviewColumns();
}
