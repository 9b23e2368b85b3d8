package dev.patchtrack.store;

import dev.patchtrack.core.model.AppliedNotice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    /** The numbers of the patches it covers, ascending; empty for a notice derived before they were kept. */
    @Convert(converter = Covers.class)
    public List<Integer> covers = List.of();

    /** {@code applied_notice.covers}: the numbers comma-separated. */
    @Converter
    public static class Covers implements AttributeConverter<List<Integer>, String> {

        @Override
        public String convertToDatabaseColumn(List<Integer> numbers) {
            return numbers == null ? null : numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
        }

        @Override
        public List<Integer> convertToEntityAttribute(String column) {
            if (column == null || column.isBlank()) {
                return List.of();
            }
            List<Integer> out = new ArrayList<>();
            for (String n : column.split(",")) {
                try {
                    out.add(Integer.parseInt(n.strip()));
                } catch (NumberFormatException e) {
                    // not written by this converter: skipped
                }
            }
            return List.copyOf(out);
        }
    }
}
