package dev.patchtrack.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A list of strings kept in one column: the elements joined by a separator and cut to the column's length.
 * Each such column has one instance here, and its entity field is a {@code List<String>} read and written
 * through that instance's converter, so nothing else joins or splits the column.
 *
 * <p>The rules, which the stored rows were written by and so must not change:
 * <ul>
 *   <li>an empty list is stored as {@code ""}, or as {@code null} where the column says "none" that way;</li>
 *   <li>the joined text is cut to the column's length, which may cut the last element short or leave a
 *       separator at the end;</li>
 *   <li>{@code null} and {@code ""} read as the empty list; otherwise the text is split as
 *       {@link String#split} splits it, so empty elements at the end are dropped ({@code "a,"} reads as
 *       {@code [a]});</li>
 *   <li>nothing is escaped: an element that contains the separator reads back as two elements. The values
 *       kept (list names, topic names, Message-IDs, LWN's index terms) never contain theirs.</li>
 * </ul>
 */
public final class PackedList {

    /** {@code series.list_names}: the names of the lists a series has mail on. */
    public static final PackedList SERIES_LISTS = new PackedList(',', 2000, false);

    /** {@code series.topics}: the series' topics. */
    public static final PackedList SERIES_TOPICS = new PackedList(',', 500, false);

    /** {@code revision.depends_on}: the keys of the revisions a revision depends on; null when none. */
    public static final PackedList DEPENDS_ON = new PackedList('\n', 4000, true);

    /** {@code article.index_terms}: an LWN article's index terms; null when none. */
    public static final PackedList INDEX_TERMS = new PackedList('\n', 2000, true);

    /** The {@code atom/seen} value of {@code source_cursor}: the entry ids a lore Atom sync has read, not cut. */
    public static final PackedList ATOM_SEEN = new PackedList('\n', Integer.MAX_VALUE, false);

    private final String separator;
    private final Pattern split;
    private final int max;
    private final boolean noneIsNull;

    private PackedList(char separator, int max, boolean noneIsNull) {
        this.separator = String.valueOf(separator);
        this.split = Pattern.compile(Pattern.quote(this.separator));
        this.max = max;
        this.noneIsNull = noneIsNull;
    }

    /** The column's text for {@code values}: joined and cut to the column; an empty list is "none". */
    public String encode(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return noneIsNull ? null : "";
        }
        return Bulk.clip(join(values), max);
    }

    /** The elements of a column's text (empty for null or {@code ""}). */
    public List<String> decode(String packed) {
        return packed == null || packed.isEmpty() ? List.of() : List.of(split.split(packed));
    }

    /** The elements joined by the separator, not cut: the text they make for reading rather than for the column. */
    public String join(Collection<String> values) {
        return String.join(separator, values);
    }

    /** Whether the two lists are stored as the same text. */
    public boolean sameStored(List<String> a, List<String> b) {
        return Objects.equals(encode(a), encode(b));
    }

    /** Reads and writes a packed column through one {@link PackedList}. */
    abstract static class Column implements AttributeConverter<List<String>, String> {

        private final PackedList packed;

        Column(PackedList packed) {
            this.packed = packed;
        }

        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return packed.encode(values);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return packed.decode(column);
        }
    }

    /** {@link #SERIES_LISTS} as a converter. */
    @Converter
    public static class SeriesListsColumn extends Column {
        public SeriesListsColumn() {
            super(SERIES_LISTS);
        }
    }

    /** {@link #SERIES_TOPICS} as a converter. */
    @Converter
    public static class SeriesTopicsColumn extends Column {
        public SeriesTopicsColumn() {
            super(SERIES_TOPICS);
        }
    }

    /** {@link #DEPENDS_ON} as a converter. */
    @Converter
    public static class DependsOnColumn extends Column {
        public DependsOnColumn() {
            super(DEPENDS_ON);
        }
    }

    /** {@link #INDEX_TERMS} as a converter. */
    @Converter
    public static class IndexTermsColumn extends Column {
        public IndexTermsColumn() {
            super(INDEX_TERMS);
        }
    }
}
