package dev.patchtrack.store;

import dev.patchtrack.core.model.AppliedNotice;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code applied_notice.commits}, the commits an "applied" notice lists, as the column keeps them: one
 * {@code number<TAB>commit<TAB>title} line per commit, each ended by a newline, {@code null} when there are
 * none. A missing commit is kept as an empty field and reads back as {@code null}; a missing title is kept
 * as an empty field and reads back as {@code ""}; a title's tabs and newlines are kept as spaces. A line
 * that is not three fields, or whose number is not a number, is skipped. Nothing else writes or reads the
 * column.
 */
public final class AppliedCommits {

    private AppliedCommits() {
    }

    /** The column's text for {@code commits}. */
    public static String encode(List<AppliedNotice.Commit> commits) {
        if (commits == null || commits.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (AppliedNotice.Commit c : commits) {
            b.append(c.number()).append('\t').append(c.commit() == null ? "" : c.commit()).append('\t')
                    .append(c.title() == null ? "" : c.title().replace('\n', ' ').replace('\t', ' ')).append('\n');
        }
        return b.toString();
    }

    /** The commits of a column's text (empty for null). */
    public static List<AppliedNotice.Commit> decode(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<AppliedNotice.Commit> out = new ArrayList<>();
        for (String line : column.split("\n")) {
            String[] f = line.split("\t", 3);
            if (f.length == 3 && f[0].matches("-?[0-9]{1,9}")) {
                out.add(new AppliedNotice.Commit(Integer.parseInt(f[0]), f[2], f[1].isEmpty() ? null : f[1]));
            }
        }
        return List.copyOf(out);
    }

    /** {@code commits} as they read back once stored. */
    public static List<AppliedNotice.Commit> asStored(List<AppliedNotice.Commit> commits) {
        return decode(encode(commits));
    }

    /** The column as a converter. */
    @Converter
    public static class Column implements AttributeConverter<List<AppliedNotice.Commit>, String> {

        @Override
        public String convertToDatabaseColumn(List<AppliedNotice.Commit> commits) {
            return encode(commits);
        }

        @Override
        public List<AppliedNotice.Commit> convertToEntityAttribute(String column) {
            return decode(column);
        }
    }
}
