package dev.patchtrack.store;

import dev.patchtrack.core.patch.VersionChanges;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What changed from the revision before, kept per revision (see {@link VersionChanges}). */
@Entity
@Table(name = "revision_changes")
public class RevisionChangesEntity extends PanacheEntityBase {

    @Id
    @Column(name = "revision_id")
    public Long revisionId;

    @Column(name = "from_revision_id", nullable = false)
    public Long fromRevisionId;

    @Column(name = "from_version", nullable = false)
    public int fromVersion;

    @Column(name = "patches_key", nullable = false)
    public String patchesKey;

    @Column(nullable = false)
    public int unchanged;

    @Column(nullable = false)
    public String pairs;

    public String changelog;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    /** Sets the columns from {@code c}; {@code pairs} is one line per patch not unchanged: marker, tab, subject. */
    public void set(VersionChanges c) {
        fromVersion = c.fromVersion();
        unchanged = c.unchanged();
        StringBuilder b = new StringBuilder();
        line(b, '!', c.changed());
        line(b, '>', c.added());
        line(b, '<', c.dropped());
        pairs = b.toString();
        changelog = c.changelog();
        computedAt = Instant.now();
    }

    /** The changes as kept, for the revision of version {@code toVersion}. */
    public VersionChanges changes(int toVersion) {
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String line : pairs.split("\n")) {
            if (line.length() < 2) {
                continue;
            }
            String subject = line.substring(2);
            switch (line.charAt(0)) {
                case '!' -> changed.add(subject);
                case '>' -> added.add(subject);
                default -> dropped.add(subject);
            }
        }
        return new VersionChanges(fromVersion, toVersion, unchanged, changed, added, dropped, changelog);
    }

    private static void line(StringBuilder b, char marker, List<String> subjects) {
        for (String s : subjects) {
            b.append(marker).append('\t').append(s.replace('\n', ' ')).append('\n');
        }
    }
}
