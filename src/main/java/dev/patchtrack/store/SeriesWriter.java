package dev.patchtrack.store;

import dev.patchtrack.core.derive.Derived;
import dev.patchtrack.core.derive.SeriesEvents;
import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.core.model.OverrideTarget;
import dev.patchtrack.core.model.WireNames;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.review.StateReason;
import dev.patchtrack.core.classify.TopicLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one writer of the derived tables: series, revisions, patches, trailers, topics, lists, applied
 * notices and the events their changes imply. {@link #write} compares what core's derivation gives
 * ({@link Derived}) with the stored rows by key (a revision by its key, a patch by its message, a series
 * by the revisions it continues, else by its key), keeps the id of everything that still exists, so that
 * API clients can hold on to them, and writes only the rows that differ, in plain JDBC batches on the
 * caller's transaction: a repeated import writes nothing. Nothing here goes through entities; each
 * table's columns, how they are bound and read, are declared once ({@link Table}).
 *
 * <p>Reading the rows is {@link SeriesLookups}' and {@link SeriesReads}'; maintainers' overrides are
 * {@link OverrideRepository}'s.
 */
@ApplicationScoped
public class SeriesWriter {

    @Inject
    Jdbc jdbc;

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    @Inject
    PersonRepository persons;

    @Inject
    OverrideRepository overrides;

    /**
     * What a write changed: rows of each kind inserted or updated, rows deleted, events recorded, and the
     * ids of the revisions it created ({@code posted}).
     */
    public record Written(int series, int revisions, int patches, int trailers, int deleted, int events,
                          List<Long> posted) {
    }

    /** How a column's values are bound, read and compared. */
    private enum Kind {
        LONG(Types.BIGINT), INT(Types.INTEGER), BOOL(Types.BOOLEAN), TEXT(Types.VARCHAR),
        TIME(Types.TIMESTAMP_WITH_TIMEZONE);

        final int sqlType;

        Kind(int sqlType) {
            this.sqlType = sqlType;
        }

        Object read(ResultSet rs, String column) throws SQLException {
            return switch (this) {
                case LONG -> rs.getObject(column, Long.class);
                case INT -> rs.getInt(column);
                case BOOL -> rs.getBoolean(column);
                case TEXT -> rs.getString(column);
                case TIME -> Jdbc.instant(rs, column);
            };
        }
    }

    /**
     * A derived table: its name, its columns after the id (the first is the owner a row belongs to, for
     * every table but {@code series}), and whether rows have an id from {@code sequence}.
     */
    private record Table(String name, String sequence, String[] columns, Kind[] kinds) {

        static Table of(String name, String sequence, Object... columnsAndKinds) {
            String[] columns = new String[columnsAndKinds.length / 2];
            Kind[] kinds = new Kind[columns.length];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = (String) columnsAndKinds[2 * i];
                kinds[i] = (Kind) columnsAndKinds[2 * i + 1];
            }
            return new Table(name, sequence, columns, kinds);
        }

        boolean keyed() {
            return sequence != null;
        }

        String owner() {
            return columns[0];
        }

        String select() {
            return "SELECT " + (keyed() ? "id, " : "") + String.join(", ", columns) + " FROM " + name;
        }

        Row read(ResultSet rs) throws SQLException {
            Object[] v = new Object[columns.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = kinds[i].read(rs, columns[i]);
            }
            return new Row(keyed() ? rs.getLong("id") : 0, v);
        }

        Op insert() {
            String cols = (keyed() ? "id, " : "") + String.join(", ", columns);
            int n = columns.length + (keyed() ? 1 : 0);
            return new Op("INSERT INTO " + name + " (" + cols + ") VALUES (" + Jdbc.marks(n) + ")",
                    types(keyed(), false));
        }

        Op update() {
            String set = Arrays.stream(columns).map(c -> c + " = ?").collect(Collectors.joining(", "));
            return new Op("UPDATE " + name + " SET " + set + " WHERE id = ?", types(false, true));
        }

        Op deleteWhere(String column) {
            return new Op("DELETE FROM " + name + " WHERE " + column + " = ?", new int[] {Types.BIGINT});
        }

        private int[] types(boolean idFirst, boolean idLast) {
            int[] t = new int[columns.length + (idFirst || idLast ? 1 : 0)];
            int at = 0;
            if (idFirst) {
                t[at++] = Types.BIGINT;
            }
            for (Kind k : kinds) {
                t[at++] = k.sqlType;
            }
            if (idLast) {
                t[at] = Types.BIGINT;
            }
            return t;
        }

        /** The values as bound: instants as UTC times. */
        Object[] bound(Long idFirst, Object[] v, Long idLast) {
            Object[] out = new Object[v.length + (idFirst != null || idLast != null ? 1 : 0)];
            int at = 0;
            if (idFirst != null) {
                out[at++] = idFirst;
            }
            for (Object o : v) {
                out[at++] = o instanceof Instant t ? Jdbc.utc(t) : o;
            }
            if (idLast != null) {
                out[at] = idLast;
            }
            return out;
        }
    }

    /** A stored row: its id (0 for a table without) and its column values in the table's order. */
    private record Row(long id, Object[] v) {
    }

    /** One statement and the rows it runs for, in a JDBC batch. */
    private record Op(String sql, int[] types, List<Object[]> rows) {
        Op(String sql, int[] types) {
            this(sql, types, new ArrayList<>());
        }
    }

    private static final Table SERIES = Table.of("series", "series_seq",
            "series_key", Kind.TEXT, "title", Kind.TEXT, "author_id", Kind.LONG, "first_posted_at", Kind.TIME,
            "last_posted_at", Kind.TIME, "latest_version", Kind.INT, "revision_count", Kind.INT,
            "list_names", Kind.TEXT, "topics", Kind.TEXT, "state", Kind.TEXT, "state_reason", Kind.TEXT,
            "state_message_pk", Kind.LONG, "state_person_id", Kind.LONG, "state_overridden", Kind.BOOL);
    private static final int SERIES_KEY = 0;
    private static final int SERIES_TITLE = 1;
    private static final int SERIES_STATE = 9;

    private static final Table REVISION = Table.of("revision", "revision_seq",
            "series_id", Kind.LONG, "revision_key", Kind.TEXT, "position", Kind.INT, "version", Kind.INT,
            "version_minor", Kind.INT, "total", Kind.INT, "rfc", Kind.BOOL, "title", Kind.TEXT,
            "author_id", Kind.LONG, "posted_at", Kind.TIME, "cover_message_pk", Kind.LONG,
            "link_reason", Kind.TEXT, "patch_count", Kind.INT, "complete", Kind.BOOL, "extra_patches", Kind.BOOL,
            "change_id", Kind.TEXT, "depends_on", Kind.TEXT, "state", Kind.TEXT, "state_reason", Kind.TEXT,
            "state_message_pk", Kind.LONG, "state_person_id", Kind.LONG);
    private static final int REVISION_SERIES = 0;
    private static final int REVISION_KEY = 1;
    private static final int REVISION_TITLE = 7;
    private static final int REVISION_STATE = 17;

    private static final Table PATCH = Table.of("patch", "patch_seq",
            "revision_id", Kind.LONG, "message_pk", Kind.LONG, "number", Kind.INT, "subject", Kind.TEXT,
            "author_id", Kind.LONG, "posted_at", Kind.TIME, "files_changed", Kind.INT, "insertions", Kind.INT,
            "deletions", Kind.INT, "state", Kind.TEXT, "state_reason", Kind.TEXT, "state_message_pk", Kind.LONG,
            "state_person_id", Kind.LONG, "state_overridden", Kind.BOOL);
    private static final int PATCH_MESSAGE = 1;
    private static final int PATCH_SUBJECT = 3;

    private static final Table TRAILER = Table.of("trailer", "trailer_seq",
            "patch_id", Kind.LONG, "name", Kind.TEXT, "trailer_value", Kind.TEXT, "person_id", Kind.LONG,
            "source_message_pk", Kind.LONG);

    private static final Table APPLIED = Table.of("applied_notice", "applied_notice_seq",
            "revision_id", Kind.LONG, "patch_number", Kind.INT, "source_message_pk", Kind.LONG,
            "person_id", Kind.LONG, "tree", Kind.TEXT, "branch", Kind.TEXT, "commits", Kind.TEXT, "covers", Kind.TEXT);

    private static final Table SERIES_TOPIC = Table.of("series_topic", null,
            "series_id", Kind.LONG, "topic", Kind.TEXT, "reason", Kind.TEXT, "detail", Kind.TEXT);

    private static final Table REVISION_TOPIC = Table.of("revision_topic", null,
            "revision_id", Kind.LONG, "topic", Kind.TEXT, "reason", Kind.TEXT, "detail", Kind.TEXT);

    private static final Table SERIES_LIST = Table.of("series_list", null, "series_id", Kind.LONG, "list_id", Kind.LONG);

    private static final AppliedNoticeEntity.Covers COVERS = new AppliedNoticeEntity.Covers();

    /** The inserts and updates of one table's rows, and how many rows they write. */
    private static final class Puts {
        final Table table;
        final Jdbc.Ids ids;
        final Op insert;
        final Op update;
        int written;

        Puts(Table table, Jdbc.Ids ids) {
            this.table = table;
            this.ids = ids;
            this.insert = table.insert();
            this.update = table.update();
        }

        /** A row with a new id when none is stored, else the stored one, updated when it differs; its id. */
        long put(Row stored, Object[] values) {
            if (stored == null) {
                long id = ids.next();
                insert.rows().add(table.bound(id, values, null));
                written++;
                return id;
            }
            if (!Arrays.equals(stored.v(), values)) {
                update.rows().add(table.bound(null, values, stored.id()));
                written++;
            }
            return stored.id();
        }
    }

    /** What is stored of the series in scope, read once. */
    private static final class Stored {
        final Map<Long, Row> seriesById = new HashMap<>();
        final Map<String, Row> seriesByKey = new HashMap<>();
        final Map<String, Row> revisionByKey = new HashMap<>();
        final Map<Long, Row> patchByMessage = new HashMap<>();
        final Map<Long, List<Row>> trailers = new HashMap<>();
        final Map<Long, List<Row>> applied = new HashMap<>();
        final Map<Long, List<Row>> seriesTopics = new HashMap<>();
        final Map<Long, List<Row>> revisionTopics = new HashMap<>();
        final Map<Long, Set<Long>> lists = new HashMap<>();
    }

    /**
     * Makes the stored series among {@code scope} equal to {@code desired}; series outside it are neither
     * read nor touched. The caller makes sure that {@code desired} is everything the messages of those
     * series (and of the desired ones) give ({@link SeriesLookups#seriesTouching}).
     *
     * @param pks     the stored key of every message {@code desired} names, by Message-ID
     * @param listIds the stored lists' ids, by name
     * @param scope   ids of the stored series that {@code desired} replaces; null for all of them
     */
    public Written write(List<Derived.Series> desired, Map<String, Long> pks, Map<String, Long> listIds,
                         Collection<Long> scope) {
        Map<String, Long> people = persons.resolve(addresses(desired));
        Stored stored = read(scope);
        Map<Long, StateOverride> seriesOverrides = new HashMap<>();
        for (StateOverride o : overrides.activeOverrides(OverrideTarget.SERIES)) {
            seriesOverrides.put(o.targetId, o);
        }

        // Match: which stored series each desired one continues.
        Set<Long> claimed = new HashSet<>();
        List<Row> matched = new ArrayList<>();
        for (Derived.Series s : desired) {
            Row pick = s.revisions().stream()
                    .map(r -> stored.revisionByKey.get(r.key()))
                    .filter(Objects::nonNull)
                    .map(r -> stored.seriesById.get((Long) r.v()[REVISION_SERIES]))
                    .filter(e -> e != null && !claimed.contains(e.id()))
                    .min(Comparator.comparingLong(Row::id))
                    .orElse(null);
            if (pick == null) {
                Row byKey = stored.seriesByKey.get(s.key());
                if (byKey != null && !claimed.contains(byKey.id())) {
                    pick = byKey;
                }
            }
            if (pick != null) {
                claimed.add(pick.id());
            }
            matched.add(pick);
        }
        Set<String> wantedRevisions = new HashSet<>();
        Set<Long> wantedPatches = new HashSet<>();
        for (Derived.Series s : desired) {
            for (Derived.Revision r : s.revisions()) {
                wantedRevisions.add(r.key());
                r.patches().forEach(p -> wantedPatches.add(pks.get(p.messageId())));
            }
        }
        List<Row> dropPatches = stored.patchByMessage.values().stream()
                .filter(p -> !wantedPatches.contains((Long) p.v()[PATCH_MESSAGE])).toList();
        List<Row> dropRevisions = stored.revisionByKey.values().stream()
                .filter(r -> !wantedRevisions.contains((String) r.v()[REVISION_KEY])).toList();
        List<Row> dropSeries = stored.seriesById.values().stream().filter(e -> !claimed.contains(e.id())).toList();

        // The statements, in the order they run: what no longer exists first gives up its keys (and a
        // series whose key changes lets go of its old one), so nothing that takes them over collides;
        // parents are written before their children, and deleted after them.
        int[] keyAndId = {Types.VARCHAR, Types.BIGINT};
        Op renameRevisions = new Op("UPDATE revision SET revision_key = ? WHERE id = ?", keyAndId);
        Op renameSeries = new Op("UPDATE series SET series_key = ? WHERE id = ?", keyAndId);
        Puts series = new Puts(SERIES, jdbc.ids(SERIES.sequence(), 50));
        Puts revisions = new Puts(REVISION, jdbc.ids(REVISION.sequence(), 50));
        Puts patches = new Puts(PATCH, jdbc.ids(PATCH.sequence(), 50));
        Op clearTrailers = TRAILER.deleteWhere("patch_id");
        Op insertTrailers = TRAILER.insert();
        Op clearApplied = APPLIED.deleteWhere("revision_id");
        Op insertApplied = APPLIED.insert();
        Op clearSeriesTopics = SERIES_TOPIC.deleteWhere("series_id");
        Op insertSeriesTopics = SERIES_TOPIC.insert();
        Op clearRevisionTopics = REVISION_TOPIC.deleteWhere("revision_id");
        Op insertRevisionTopics = REVISION_TOPIC.insert();
        Op removeLists = new Op("DELETE FROM series_list WHERE series_id = ? AND list_id = ?",
                new int[] {Types.BIGINT, Types.BIGINT});
        Op insertLists = SERIES_LIST.insert();
        Op insertEvents = new Op("INSERT INTO event (id, kind, created_at, series_id, revision_id, patch_id, message_id,"
                + " summary) VALUES (" + jdbc.nextValue("event_seq") + ", ?, ?, ?, ?, ?, ?, ?)",
                new int[] {Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.BIGINT, Types.BIGINT,
                        Types.VARCHAR, Types.VARCHAR});

        for (Row r : dropRevisions) {
            renameRevisions.rows().add(new Object[] {"#gone-" + r.id(), r.id()});
            stored.revisionByKey.remove((String) r.v()[REVISION_KEY]);
        }
        for (Row e : dropSeries) {
            renameSeries.rows().add(new Object[] {"#gone-" + e.id(), e.id()});
        }
        for (int i = 0; i < desired.size(); i++) {
            Row e = matched.get(i);
            if (e != null && !desired.get(i).key().equals(e.v()[SERIES_KEY])) {
                renameSeries.rows().add(new Object[] {"#moving-" + e.id(), e.id()});
            }
        }

        Instant now = Instant.now();
        Jdbc.Ids trailerIds = jdbc.ids(TRAILER.sequence(), 50);
        Jdbc.Ids appliedIds = jdbc.ids(APPLIED.sequence(), 50);
        List<Long> posted = new ArrayList<>();
        int trailersWritten = 0;
        for (int i = 0; i < desired.size(); i++) {
            Derived.Series s = desired.get(i);
            Row se = matched.get(i);
            StateOverride override = se == null ? null : seriesOverrides.get(se.id());
            StateReason state = override == null ? s.state()
                    : new StateReason(override.state, null, null, StateReason.setBy(override.setBy, override.note));
            Object[] sv = seriesValues(s, state, override != null, pks, people);
            long seriesId = series.put(se, sv);
            if (se == null) {
                event(insertEvents, now, EventKind.SERIES_CREATED, seriesId, null, null, s.key(),
                        SeriesEvents.seriesCreated((String) sv[SERIES_TITLE], state.state()));
            } else if (!Objects.equals(se.v()[SERIES_STATE], sv[SERIES_STATE])) {
                    event(insertEvents, now, EventKind.STATE_CHANGED, seriesId, null, null, null,
                            SeriesEvents.seriesStateChanged((String) sv[SERIES_TITLE], stateOf(se.v()[SERIES_STATE]),
                                state.state(), (String) sv[SERIES_STATE + 1]));
            }
            replaceChildren(SERIES_TOPIC, seriesId, topicValues(seriesId, s.topics()),
                    stored.seriesTopics.getOrDefault(seriesId, List.of()), clearSeriesTopics, insertSeriesTopics, null);
            Set<Long> haveLists = stored.lists.getOrDefault(seriesId, Set.of());
            Set<Long> wantLists = new HashSet<>();
            s.lists().forEach(name -> {
                Long id = listIds.get(name);
                if (id != null) {
                    wantLists.add(id);
                }
            });
            wantLists.stream().filter(l -> !haveLists.contains(l)).sorted()
                    .forEach(l -> insertLists.rows().add(new Object[] {seriesId, l}));
            haveLists.stream().filter(l -> !wantLists.contains(l))
                    .forEach(l -> removeLists.rows().add(new Object[] {seriesId, l}));

            for (int pos = 0; pos < s.revisions().size(); pos++) {
                Derived.Revision r = s.revisions().get(pos);
                Row re = stored.revisionByKey.get(r.key());
                Object[] rv = revisionValues(r, seriesId, pos, pks, people);
                long revisionId = revisions.put(re, rv);
                if (re == null) {
                    posted.add(revisionId);
                    event(insertEvents, now, EventKind.REVISION_POSTED, seriesId, revisionId, null, r.key(),
                            SeriesEvents.revisionPosted(r.version(), r.rfc(), (String) rv[REVISION_TITLE],
                                    r.patches().size(), r.total()));
                } else if (!Objects.equals(re.v()[REVISION_STATE], rv[REVISION_STATE])) {
                        event(insertEvents, now, EventKind.STATE_CHANGED, seriesId, revisionId, null, null,
                                SeriesEvents.revisionStateChanged(r.version(), (String) rv[REVISION_TITLE],
                                    stateOf(re.v()[REVISION_STATE]), r.state().state(), (String) rv[REVISION_STATE + 1]));
                }
                replaceChildren(REVISION_TOPIC, revisionId, topicValues(revisionId, r.topics()),
                        stored.revisionTopics.getOrDefault(revisionId, List.of()), clearRevisionTopics,
                        insertRevisionTopics, null);
                replaceChildren(APPLIED, revisionId, appliedValues(revisionId, r.applied(), pks, people),
                        stored.applied.getOrDefault(revisionId, List.of()), clearApplied, insertApplied, appliedIds);
                for (Derived.Patch p : r.patches()) {
                    long messagePk = pks.get(p.messageId());
                    Row pe = stored.patchByMessage.get(messagePk);
                    Object[] pv = patchValues(p, revisionId, messagePk, pks, people);
                    long patchId = patches.put(pe, pv);
                    List<Object[]> trailers = trailerValues(patchId, p, pks, people);
                    List<Row> had = stored.trailers.getOrDefault(patchId, List.of());
                    if (replaceChildren(TRAILER, patchId, trailers, had, clearTrailers, insertTrailers, trailerIds)) {
                        trailersWritten += trailers.size();
                        if (re != null) {
                            trailerEvents(insertEvents, now, seriesId, revisionId, patchId, (String) pv[PATCH_SUBJECT],
                                    trailers, had);
                        }
                    }
                }
            }
        }

        // Then what no longer exists goes, children first.
        Op dropTrailers = TRAILER.deleteWhere("patch_id");
        Op dropPatchRows = PATCH.deleteWhere("id");
        Op dropApplied = APPLIED.deleteWhere("revision_id");
        Op dropRevisionTopics = REVISION_TOPIC.deleteWhere("revision_id");
        Op dropRevisionRows = REVISION.deleteWhere("id");
        Op dropLists = SERIES_LIST.deleteWhere("series_id");
        Op dropSeriesTopics = SERIES_TOPIC.deleteWhere("series_id");
        Op dropSeriesRows = SERIES.deleteWhere("id");
        dropPatches.forEach(p -> drop(p.id(), dropPatchRows, new Children(stored.trailers, dropTrailers)));
        dropRevisions.forEach(r -> drop(r.id(), dropRevisionRows, new Children(stored.applied, dropApplied),
                new Children(stored.revisionTopics, dropRevisionTopics)));
        dropSeries.forEach(e -> drop(e.id(), dropSeriesRows, new Children(stored.lists, dropLists),
                new Children(stored.seriesTopics, dropSeriesTopics)));

        List<Op> plan = List.of(renameRevisions, renameSeries, series.insert, series.update, revisions.insert,
                revisions.update, patches.insert, patches.update, clearTrailers, insertTrailers, clearApplied, insertApplied,
                clearSeriesTopics, insertSeriesTopics, clearRevisionTopics, insertRevisionTopics, removeLists,
                insertLists, insertEvents, dropTrailers, dropPatchRows, dropApplied, dropRevisionTopics, dropRevisionRows,
                dropLists, dropSeriesTopics, dropSeriesRows);
        int statements = 0;
        for (Op op : plan) {
            jdbc.batch(op.sql(), op.rows(), op.types());
            statements += op.rows().size();
        }
        // a derivation that finds everything as stored (a full pass, a tree scan matching nothing new)
        // leaves every answer as it was, so their validators stay
        if (statements > 0) {
            dataVersion.bump();
        }
        int deleted = dropPatches.size() + dropRevisions.size() + dropSeries.size();
        return new Written(series.written, revisions.written, patches.written, trailersWritten, deleted,
                insertEvents.rows().size(), posted);
    }

    /** The stored rows of a child table by owner, and the statement that deletes an owner's. */
    private record Children(Map<Long, ?> stored, Op delete) {
    }

    /** Deletes a row and, first, its children in each table that has some. */
    private static void drop(long id, Op row, Children... children) {
        for (Children c : children) {
            if (c.stored().containsKey(id)) {
                c.delete().rows().add(new Object[] {id});
            }
        }
        row.rows().add(new Object[] {id});
    }

    /** Every address the rows name, for their people's ids. */
    private static List<Address> addresses(List<Derived.Series> desired) {
        List<Address> out = new ArrayList<>();
        for (Derived.Series s : desired) {
            out.add(s.author());
            out.add(s.state().person());
            for (Derived.Revision r : s.revisions()) {
                out.add(r.author());
                out.add(r.state().person());
                r.applied().forEach(a -> out.add(a.person()));
                for (Derived.Patch p : r.patches()) {
                    out.add(p.author());
                    out.add(p.state().person());
                    p.trailers().forEach(t -> out.add(t.trailer().person()));
                }
            }
        }
        return out.stream().filter(Objects::nonNull).toList();
    }

    /** The stored rows of the series in scope (all when null), their revisions and everything below. */
    private Stored read(Collection<Long> scope) {
        Stored out = new Stored();
        for (Row s : rows(SERIES, "id", scope)) {
            out.seriesById.put(s.id(), s);
            out.seriesByKey.put((String) s.v()[SERIES_KEY], s);
        }
        List<Long> seriesScope = scope == null ? null : List.copyOf(out.seriesById.keySet());
        List<Long> revisionIds = new ArrayList<>();
        for (Row r : rows(REVISION, "series_id", seriesScope)) {
            out.revisionByKey.put((String) r.v()[REVISION_KEY], r);
            revisionIds.add(r.id());
        }
        List<Long> revisionScope = scope == null ? null : revisionIds;
        List<Long> patchIds = new ArrayList<>();
        for (Row p : rows(PATCH, "revision_id", revisionScope)) {
            out.patchByMessage.put((Long) p.v()[PATCH_MESSAGE], p);
            patchIds.add(p.id());
        }
        byOwner(out.trailers, rows(TRAILER, "patch_id", scope == null ? null : patchIds));
        byOwner(out.applied, rows(APPLIED, "revision_id", revisionScope));
        byOwner(out.revisionTopics, rows(REVISION_TOPIC, "revision_id", revisionScope));
        byOwner(out.seriesTopics, rows(SERIES_TOPIC, "series_id", seriesScope));
        for (Row l : rows(SERIES_LIST, "series_id", seriesScope)) {
            out.lists.computeIfAbsent((Long) l.v()[0], k -> new HashSet<>()).add((Long) l.v()[1]);
        }
        return out;
    }

    private List<Row> rows(Table t, String column, Collection<Long> ids) {
        if (ids == null) {
            return jdbc.scan(t.select(), List.of(), t::read);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.listIn(t.select() + " WHERE " + column + " IN (" + Jdbc.IN + ")", ids, t::read);
    }

    /**
     * Rows by their owner: trailers and notices in the order they were written (databases return rows
     * in any order), topics by name.
     */
    private static void byOwner(Map<Long, List<Row>> out, List<Row> rows) {
        for (Row r : rows) {
            out.computeIfAbsent((Long) r.v()[0], k -> new ArrayList<>()).add(r);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingLong(Row::id)
                .thenComparing(r -> r.v().length > 1 && r.v()[1] instanceof String t ? t : "")));
    }

    /**
     * Replaces an owner's rows of a child table with {@code want} when they differ from {@code have}
     * (compared without their ids); true when it does.
     */
    private static boolean replaceChildren(Table t, long owner, List<Object[]> want, List<Row> have, Op clear, Op insert,
                                           Jdbc.Ids ids) {
        if (want.size() == have.size()) {
            boolean same = true;
            for (int i = 0; i < want.size() && same; i++) {
                same = Arrays.equals(want.get(i), have.get(i).v());
            }
            if (same) {
                return false;
            }
        }
        if (!have.isEmpty()) {
            clear.rows().add(new Object[] {owner});
        }
        for (Object[] v : want) {
            insert.rows().add(t.bound(ids == null ? null : ids.next(), v, null));
        }
        return true;
    }

    private static void event(Op insert, Instant at, EventKind kind, Long seriesId, Long revisionId, Long patchId,
                              String messageId, String summary) {
        insert.rows().add(new Object[] {WireNames.of(kind), Jdbc.utc(at), seriesId, revisionId, patchId,
                messageId == null ? null : Bulk.clip(messageId, 1000), Bulk.clip(summary, 2000)});
    }

    /** A {@code trailer-added} event for each trailer a patch gained that is worth one. */
    private static void trailerEvents(Op insert, Instant at, long seriesId, long revisionId, long patchId, String subject,
                                      List<Object[]> want, List<Row> have) {
        Set<List<Object>> had = new HashSet<>();
        have.forEach(r -> had.add(Arrays.asList(r.v())));
        for (Object[] v : want) {
            String name = (String) v[1];
            if (!had.contains(Arrays.asList(v)) && SeriesEvents.announcesTrailer(name)) {
                event(insert, at, EventKind.TRAILER_ADDED, seriesId, revisionId, patchId, null,
                        SeriesEvents.trailerAdded(name, (String) v[2], subject));
            }
        }
    }

    private static ReviewState stateOf(Object wire) {
        return wire == null ? null : WireNames.fromWire(ReviewState.class, (String) wire, "state");
    }

    private static Object[] seriesValues(Derived.Series s, StateReason state, boolean overridden, Map<String, Long> pks,
                                         Map<String, Long> people) {
        TreeMap<String, Boolean> topics = new TreeMap<>();
        s.topics().forEach(t -> topics.put(clip(t.topic(), 64), true));
        return new Object[] {s.key(), clip(s.title(), 2000), personId(people, s.author()), micros(s.firstPostedAt()),
                micros(s.lastPostedAt()), s.latestVersion(), s.revisions().size(),
                PackedList.SERIES_LISTS.encode(s.lists()), PackedList.SERIES_TOPICS.encode(List.copyOf(topics.keySet())),
                WireNames.of(state.state()), clip(state.because(), 2000), messagePk(pks, state.messageId()),
                personId(people, state.person()), overridden};
    }

    private static Object[] revisionValues(Derived.Revision r, long seriesId, int position, Map<String, Long> pks,
                                           Map<String, Long> people) {
        return new Object[] {seriesId, r.key(), position, r.version(), r.versionMinor(), r.total(), r.rfc(),
                clip(r.title(), 2000), personId(people, r.author()), micros(r.postedAt()),
                messagePk(pks, r.coverMessageId()), r.linkReason() == null ? null : WireNames.of(r.linkReason()),
                r.patches().size(), r.complete(), r.extraPatches(), clip(r.changeId(), 200),
                PackedList.DEPENDS_ON.encode(r.dependsOn()), WireNames.of(r.state().state()),
                clip(r.state().because(), 2000), messagePk(pks, r.state().messageId()),
                personId(people, r.state().person())};
    }

    private static Object[] patchValues(Derived.Patch p, long revisionId, long messagePk, Map<String, Long> pks,
                                        Map<String, Long> people) {
        return new Object[] {revisionId, messagePk, p.number(), clip(p.subject(), 2000), personId(people, p.author()),
                micros(p.postedAt()), p.filesChanged(), p.insertions(), p.deletions(), WireNames.of(p.state().state()),
                clip(p.state().because(), 2000), messagePk(pks, p.state().messageId()),
                personId(people, p.state().person()), p.overridden()};
    }

    private static List<Object[]> trailerValues(long patchId, Derived.Patch p, Map<String, Long> pks,
                                                Map<String, Long> people) {
        List<Object[]> out = new ArrayList<>(p.trailers().size());
        for (Derived.GivenTrailer t : p.trailers()) {
            out.add(new Object[] {patchId, clip(t.trailer().name(), 100), clip(t.trailer().value(), 2000),
                    personId(people, t.trailer().person()), pks.get(t.sourceMessageId())});
        }
        return out;
    }

    private static List<Object[]> appliedValues(long revisionId, List<Derived.Applied> applied, Map<String, Long> pks,
                                                Map<String, Long> people) {
        List<Object[]> out = new ArrayList<>(applied.size());
        for (Derived.Applied a : applied) {
            out.add(new Object[] {revisionId, a.patchNumber(), pks.get(a.sourceMessageId()), personId(people, a.person()),
                    clip(a.tree(), 1000), clip(a.branch(), 200), AppliedCommits.encode(a.commits()),
                    COVERS.convertToDatabaseColumn(a.covers())});
        }
        return out;
    }

    /** A series' or revision's topics, one per name (the first given), by name. */
    private static List<Object[]> topicValues(long owner, List<TopicLabel> labels) {
        Map<String, Object[]> byTopic = new TreeMap<>();
        for (TopicLabel t : labels) {
            String topic = clip(t.topic(), 64);
            byTopic.putIfAbsent(topic, new Object[] {owner, topic, clip(t.reason(), 2000), clip(t.detail(), 200)});
        }
        return List.copyOf(byTopic.values());
    }

    /** Databases keep microseconds: what is written is what reads back, so a re-read value is not a change. */
    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    private static Long messagePk(Map<String, Long> pks, String messageId) {
        return messageId == null ? null : pks.get(messageId);
    }

    private static Long personId(Map<String, Long> people, Address a) {
        return a == null ? null : people.get(a.key());
    }

    private static String clip(String s, int max) {
        return Bulk.clip(s, max);
    }

    /**
     * Runs {@code work} after one flush, with no flush before each of its queries: for reads that do not
     * depend on what {@code work} itself writes. Flushing a session that holds many entities before each
     * of many small reads cost more than the reads.
     */
    public <T> T flushedOnce(Supplier<T> work) {
        em.flush();
        FlushModeType mode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            return work.get();
        } finally {
            em.setFlushMode(mode);
        }
    }

    /** Keeps a revision's changes (a new row; a managed one is written at commit) and the event it implies. */
    public void keepChanges(RevisionChangesEntity c, boolean fresh, EventEntity event) {
        if (fresh) {
            em.persist(c);
        }
        if (event != null) {
            em.persist(event);
        }
        dataVersion.bump();
    }
}
