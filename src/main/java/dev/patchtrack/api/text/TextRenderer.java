package dev.patchtrack.api.text;

import dev.patchtrack.api.dto.ArticleInfo;
import dev.patchtrack.api.dto.AuditInfo;
import dev.patchtrack.api.dto.RangeDiffInfo;
import dev.patchtrack.core.patch.RangeDiff;
import dev.patchtrack.core.audit.AuditFinding;
import dev.patchtrack.core.audit.AuditKind;
import dev.patchtrack.core.audit.AuditText;
import dev.patchtrack.core.model.WireNames;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.api.dto.ArticleSummaryInfo;
import dev.patchtrack.api.dto.EventInfo;
import dev.patchtrack.api.dto.MessageInfo;
import dev.patchtrack.api.dto.PageInfo;
import dev.patchtrack.api.dto.CheckInfo;
import dev.patchtrack.api.dto.PatchInfo;
import dev.patchtrack.api.dto.PersonInfo;
import dev.patchtrack.api.dto.ProblemInfo;
import dev.patchtrack.api.dto.ReviewerInfo;
import dev.patchtrack.api.dto.RevisionInfo;
import dev.patchtrack.api.dto.VersionChangesInfo;
import dev.patchtrack.api.dto.RustArchInfo;
import dev.patchtrack.api.dto.RustReleaseInfo;
import dev.patchtrack.api.dto.RustSeriesInfo;
import dev.patchtrack.api.dto.RustStatusInfo;
import dev.patchtrack.api.dto.SeriesInfo;
import dev.patchtrack.api.dto.SeriesSummaryInfo;
import dev.patchtrack.api.dto.SourceInfo;
import dev.patchtrack.api.dto.StateInfo;
import dev.patchtrack.api.dto.TopicCountInfo;
import dev.patchtrack.api.dto.TodoInfo;
import dev.patchtrack.api.dto.TodoItemInfo;
import dev.patchtrack.api.dto.TopicInfo;
import dev.patchtrack.api.dto.TrailerInfo;
import dev.patchtrack.core.model.Trailer;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the API's records as text for a terminal: aligned tables for lists, a page for one series,
 * patch or message, and one line for an error. Every line fits {@code width} columns, except the
 * Message-IDs and URLs a maintainer copies, which are never cut.
 */
public final class TextRenderer {

    public static final int DEFAULT_WIDTH = 100;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final List<String> STATES = WireNames.all(ReviewState.class);

    private final int width;
    private final String base;
    private final Set<String> topicFilter;

    /** @param base the service's base URL ({@code http://host:port/}), for commands shown to copy */
    public TextRenderer(int width, String base) {
        this(width, base, Set.of());
    }

    /**
     * @param topicFilter the topics the request filtered on: a list shows only the other topics of each
     *                    row ({@code ALSO}), so that the title gets the width
     */
    public TextRenderer(int width, String base, Set<String> topicFilter) {
        this.width = width;
        String b = TextWidth.clean(base);
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.topicFilter = Set.copyOf(topicFilter);
    }

    /** The text for a response entity. */
    public String render(Object entity) {
        if (entity instanceof ProblemInfo p) {
            return "error " + p.status() + " " + TextWidth.clean(p.title()) + ": " + TextWidth.clean(p.detail())
                    + (p.parameter() == null ? "" : " (parameter " + p.parameter() + ")") + "\n";
        }
        if (entity instanceof AuditInfo a) {
            return audit(a);
        }
        if (entity instanceof RangeDiffInfo r) {
            return rangeDiff(r);
        }
        if (entity instanceof TodoInfo t) {
            return todo(t);
        }
        if (entity instanceof PageInfo<?> page) {
            int last = (int) Math.max(1, (page.total() + page.perPage() - 1) / page.perPage());
            return list(page.items()) + "\n" + page.total() + " in all; page " + page.page() + " of " + last + "\n";
        }
        if (entity instanceof Collection<?> c) {
            return list(List.copyOf(c));
        }
        if (entity instanceof SeriesInfo s) {
            return series(s);
        }
        if (entity instanceof PatchInfo p) {
            return patch(p);
        }
        if (entity instanceof MessageInfo m) {
            return message(m);
        }
        if (entity instanceof ArticleInfo a) {
            return article(a);
        }
        if (entity instanceof RustStatusInfo r) {
            return rustStatus(r);
        }
        return fields(entity, "");
    }

    /** Like {@code git range-diff}: a line per pair, a changed pair's interdiff under it; lines are not cut. */
    private String rangeDiff(RangeDiffInfo r) {
        StringBuilder b = new StringBuilder();
        b.append("series ").append(r.series()).append(" v").append(r.from().version()).append("..v")
                .append(r.to().version()).append(": ").append(TextWidth.clean(r.title())).append('\n')
                .append(r.unchanged()).append(" unchanged, ").append(r.changed()).append(" changed, ")
                .append(r.added()).append(" added, ").append(r.dropped()).append(" dropped\n\n");
        int width = RangeDiff.width(r.from().patches().size(), r.to().patches().size());
        for (RangeDiffInfo.Pair p : r.pairs()) {
            b.append(RangeDiff.line(p.from(), p.fromId(), p.marker().charAt(0), p.to(), p.toId(),
                    TextWidth.clean(p.subject()), width)).append('\n');
            for (String l : p.interdiff()) {
                // tabs stay (code is indented with them); nothing else that moves the cursor does
                b.append("    ").append(java.util.Arrays.stream(l.split("\t", -1)).map(TextWidth::clean)
                        .collect(Collectors.joining("\t"))).append('\n');
            }
        }
        return b.toString();
    }

    /** What waits on a person: a table of revisions, newest activity first. */
    private String todo(TodoInfo t) {
        StringBuilder out = new StringBuilder();
        out.append(fit("Waiting on " + t.who())).append('\n');
        kv(out, "From", t.reviewersNote());
        out.append('\n');
        if (t.items() == null) {
            return out.append("(unknown)\n").toString();
        }
        if (t.items().isEmpty()) {
            out.append("(none)\n");
        } else {
            TextTable table = new TextTable(6, "SERIES", "VER", "STATE", "ACTIVITY", "AS", "SECTION", "TITLE");
            for (TodoItemInfo i : t.items()) {
                table.row(i.seriesId(), "v" + i.version(), i.state(), day(i.lastActivity()), i.role(), i.section(), i.title());
            }
            out.append(table.render(width));
        }
        int last = (int) Math.max(1, (t.total() + t.perPage() - 1) / t.perPage());
        return out.append('\n').append(t.total()).append(" in all; page ").append(t.page()).append(" of ").append(last)
                .append('\n').toString();
    }

    /** One line a status ({@code waiting: A (m), B (r)}): who MAINTAINERS lists for a revision, by whether they answered. */
    private static List<String> reviewers(List<ReviewerInfo> list) {
        Map<String, List<String>> by = new java.util.LinkedHashMap<>();
        for (String s : List.of("waiting", "replied", "trailer")) {
            by.put(s, new ArrayList<>());
        }
        list.forEach(r -> by.computeIfAbsent(r.status(), k -> new ArrayList<>()).add((r.name() == null ? r.address() : r.name())
                + " (" + r.role().charAt(0) + ")"));
        return by.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).toList();
    }

    private String audit(AuditInfo a) {
        java.util.Map<AuditKind, Integer> counts = new java.util.LinkedHashMap<>();
        a.counts().forEach((k, n) -> AuditKind.fromWire(k).ifPresent(kind -> counts.put(kind, n)));
        List<AuditFinding> findings = a.findings().stream().map(f -> new AuditFinding(AuditKind.fromWire(f.kind())
                .orElseThrow(), f.seriesId(), f.revisionId(), f.summary(), f.messageIds())).toList();
        int last = (int) Math.max(1, (a.total() + a.perPage() - 1) / a.perPage());
        return AuditText.render(counts, findings, width, a.total() + " listed; page " + a.page() + " of " + last);
    }

    private String list(List<?> items) {
        if (items.isEmpty()) {
            return "(none)\n";
        }
        Object first = items.get(0);
        if (first instanceof SeriesSummaryInfo) {
            List<SeriesSummaryInfo> series = items.stream().map(o -> (SeriesSummaryInfo) o).toList();
            boolean tagged = series.stream().anyMatch(s -> !s.tags().isEmpty());
            boolean also = !topicFilter.isEmpty();
            boolean topicColumn = !also || series.stream().anyMatch(s -> !otherTopics(s.topics()).isEmpty());
            Columns c = new Columns("ID", "STATE", "VER", "LAST POST").with(topicColumn, also ? "ALSO" : "TOPICS")
                    .with(true, "AUTHOR").with(tagged, "TAGS").with(true, "TITLE");
            TextTable t = c.table();
            for (SeriesSummaryInfo s : series) {
                t.row(c.cells(s.id(), state(s.state()), "v" + s.latestVersion(), day(s.lastPosted()),
                        also ? otherTopics(s.topics()) : topics(s.topics()), name(s.author()),
                        String.join(" ", s.tags()), s.title()));
            }
            return t.render(width);
        }
        if (first instanceof PatchInfo) {
            List<PatchInfo> patches = items.stream().map(o -> (PatchInfo) o).toList();
            boolean tagged = patches.stream().anyMatch(p -> !SubjectTagText.tags(p.subject()).isEmpty());
            Columns c = new Columns("ID", "STATE", "R/A/T", "DATE", "AUTHOR").with(tagged, "TAGS").with(true, "TITLE");
            TextTable t = c.table();
            for (PatchInfo p : patches) {
                t.row(c.cells(p.id(), state(p.state()), counts(p), day(p.date()), name(p.author()),
                        String.join(" ", SubjectTagText.tags(p.subject())), SubjectTagText.title(p.subject())));
            }
            return t.render(width);
        }
        if (first instanceof EventInfo) {
            TextTable t = new TextTable(4, "ID", "AT", "KIND", "SERIES", "SUMMARY");
            for (Object o : items) {
                EventInfo e = (EventInfo) o;
                t.row(e.id(), minute(e.at()), e.kind(), e.seriesId(), e.summary());
            }
            return t.render(width);
        }
        if (first instanceof TopicCountInfo) {
            Set<String> states = new LinkedHashSet<>(STATES);
            items.forEach(o -> states.addAll(((TopicCountInfo) o).byState().keySet()));
            List<String> headers = new ArrayList<>(List.of("TOPIC", "SERIES"));
            states.forEach(s -> headers.add(s.toUpperCase(java.util.Locale.ROOT)));
            TextTable t = new TextTable(0, headers.toArray(String[]::new));
            for (Object o : items) {
                TopicCountInfo c = (TopicCountInfo) o;
                List<Object> row = new ArrayList<>(List.of(c.topic(), c.series()));
                states.forEach(s -> row.add(c.byState().getOrDefault(s, 0L)));
                t.row(row.toArray());
            }
            return t.render(width);
        }
        if (first instanceof ArticleSummaryInfo) {
            TextTable t = new TextTable(4, "ID", "PUBLISHED", "STATE", "TOPICS", "TITLE");
            for (Object o : items) {
                ArticleSummaryInfo a = (ArticleSummaryInfo) o;
                t.row(a.id(), day(a.published()), a.state() + (a.subscriberOnly() ? " $" : ""), topics(a.topics()),
                        a.title());
            }
            return t.render(width);
        }
        if (first instanceof RustReleaseInfo) {
            // files/lines of .rs code; the architectures that can enable Rust last, where the width gives out first
            TextTable t = new TextTable(7, "RELEASE", "DATE", "RUSTC", "BINDGEN", "RUST/", "DRIVERS/", "SERIES", "ARCHITECTURES");
            for (Object o : items) {
                RustReleaseInfo r = (RustReleaseInfo) o;
                t.row(r.release(), day(r.date()), orDash(r.rustcMin()), orDash(r.bindgenMin()),
                        r.rustFiles() + "/" + r.rustLines(), r.driverFiles() + "/" + r.driverLines(), r.series(),
                        r.architectures().isEmpty() ? "-" : String.join(",", r.architectures()));
            }
            return t.render(width);
        }
        if (first instanceof SourceInfo) {
            TextTable t = new TextTable(7, "NAME", "MODE", "ENABLED", "LAST SUCCESS", "LAG", "STATUS", "MESSAGES", "ERROR");
            for (Object o : items) {
                SourceInfo s = (SourceInfo) o;
                t.row(s.name(), s.mode(), s.enabled() ? "yes" : "no", minute(s.lastSuccessAt()),
                        s.lagSeconds() == null ? "-" : s.lagSeconds() + "s", s.status(),
                        s.messagesOnList(), s.lastError());
            }
            return t.render(width);
        }
        if (first instanceof Record r) {
            return genericTable(items, r);
        }
        return items.stream().map(o -> TextWidth.clean(String.valueOf(o))).collect(Collectors.joining("\n")) + "\n";
    }

    /** A table of the simple fields of any record list. */
    private String genericTable(List<?> items, Record first) {
        List<RecordComponent> cols = new ArrayList<>();
        for (RecordComponent c : first.getClass().getRecordComponents()) {
            if (simple(c.getType())) {
                cols.add(c);
            }
        }
        if (cols.isEmpty()) {
            return items.stream().map(o -> fields(o, "")).collect(Collectors.joining("\n"));
        }
        TextTable t = new TextTable(cols.size() - 1, cols.stream().map(c -> c.getName().toUpperCase(java.util.Locale.ROOT))
                .toArray(String[]::new));
        for (Object o : items) {
            t.row(cols.stream().map(c -> value(get(c, o))).toArray());
        }
        return t.render(width);
    }

    private String rustStatus(RustStatusInfo r) {
        StringBuilder out = new StringBuilder();
        String head = "Rust in " + r.release() + (r.preRelease() ? " (release candidate)" : "") + " of " + r.tree();
        out.append(fit(head)).append('\n').append(fit("=".repeat(Math.min(width, TextWidth.of(TextWidth.clean(head)))))).append('\n');
        whole(out, "Commit", r.commit());
        kv(out, "Date", minute(r.date()) + " UTC");
        kv(out, "rustc", r.rustcMin() == null ? "- (no Rust support)" : r.rustcMin() + " or newer");
        kv(out, "bindgen", r.bindgenMin() == null ? "-" : r.bindgenMin() + " or newer");
        kv(out, "Code", "rust/ " + r.rustFiles() + " .rs files, " + r.rustLines() + " lines; drivers/ " + r.driverFiles()
                + " .rs files, " + r.driverLines() + " lines");
        kv(out, "Changes", r.previous() == null ? "-" : "since " + r.previous() + (r.changes().isEmpty() ? ": none" : ":"));
        for (String c : r.changes()) {
            out.append(fit("          " + c)).append('\n');
        }
        out.append('\n').append("Architectures:\n");
        if (r.architectures().isEmpty()) {
            out.append("(none)\n");
        } else {
            TextTable t = new TextTable(4, "ARCH", "HAVE_RUST", "IF", "DOCUMENTED", "CONSTRAINTS");
            for (RustArchInfo a : r.architectures()) {
                t.row(a.arch(), a.haveRust() ? "yes" : "no", orDash(a.condition()), orDash(a.support()), orDash(a.constraints()));
            }
            out.append(t.render(width));
        }
        out.append('\n').append("Rust series first in it:\n");
        if (r.series().isEmpty()) {
            out.append("(none)\n");
        } else {
            TextTable t = new TextTable(3, "ID", "FIRST", "TOPICS", "TITLE", "LWN");
            for (RustSeriesInfo s : r.series()) {
                t.row(s.id(), s.firstTag(), String.join(",", s.topics()), s.title(), s.articles().size());
            }
            out.append(t.render(width));
        }
        return out.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private String series(SeriesInfo s) {
        StringBuilder out = new StringBuilder();
        out.append(fit("Series " + s.id() + ": " + s.title())).append('\n');
        out.append(fit("=".repeat(Math.min(width, TextWidth.of(TextWidth.clean("Series " + s.id() + ": " + s.title())))))).append('\n');
        kv(out, "State", stateLine(s.state()));
        kv(out, "Author", person(s.author()));
        kv(out, "Lists", String.join(", ", s.lists()));
        kv(out, "Topics", topicReasons(s.topics()));
        if (!s.revisions().isEmpty()) {
            kv(out, "Review", s.revisions().get(0).reviewersNote());
        }
        kv(out, "Posted", minute(s.firstPosted()) + " .. " + minute(s.lastPosted()) + " UTC");
        out.append("Mbox:     curl -s ").append(base).append("/api/series/").append(s.id()).append("/mbox | git am\n");
        for (RevisionInfo r : s.revisions()) {
            out.append('\n');
            String head = "v" + r.version() + (r.versionMinor() > 0 ? "." + r.versionMinor() : "") + (r.rfc() ? " RFC" : "")
                    + "  " + minute(r.date()) + "  " + r.patches().size() + "/" + r.total() + " patches"
                    + (r.complete() ? "" : " (incomplete)") + "  " + state(r.state())
                    + (r.linkedBy() == null ? "" : "  linked by " + r.linkedBy());
            out.append(fit(head)).append('\n');
            if (r.coverLetter() != null) {
                out.append("    cover <").append(TextWidth.clean(r.coverLetter().messageId())).append(">\n");
            }
            if (!r.superseded() && r.state().reason() != null) {
                out.append(fit("    why: " + r.state().reason())).append('\n');
            }
            if (r.changes() != null) {
                changes(out, r.changes());
            }
            if (r.reviewers() != null) {
                reviewers(r.reviewers()).forEach(l -> out.append(fit("    " + l)).append('\n'));
            }
            int num = r.patches().stream().mapToInt(p -> String.valueOf(p.number()).length()).max().orElse(1);
            int st = r.patches().stream().mapToInt(p -> state(p.state()).length()).max().orElse(3);
            for (PatchInfo p : r.patches()) {
                String n = " ".repeat(num - String.valueOf(p.number()).length()) + p.number() + "/" + r.total();
                out.append(fit("  " + n + "  " + TextWidth.pad(state(p.state()), st) + "  " + TextWidth.clean(p.subject())))
                        .append('\n');
                String indent = " ".repeat(2 + n.length() + 2);
                for (TrailerInfo t : p.trailers()) {
                    if (!t.name().equals("Signed-off-by")) {
                        out.append(fit(indent + t.name() + ": " + t.value())).append('\n');
                    }
                }
                for (CheckInfo c : p.checks()) {
                    out.append(fit(indent + check(c))).append('\n');
                }
            }
        }
        if (!s.articles().isEmpty()) {
            out.append("\nLWN\n");
            s.articles().forEach(a -> out.append(fit("  " + day(a.published()) + "  " + a.title())).append("\n    ")
                    .append(TextWidth.clean(a.link())).append('\n'));
        }
        return out.toString();
    }

    /** What changed since the revision before: one line, the patches by sort, the author's changelog. */
    private void changes(StringBuilder out, VersionChangesInfo c) {
        out.append(fit("    " + c.summary() + "  (" + base + c.rangeDiff() + ")")).append('\n');
        c.changed().forEach(subject -> out.append(fit("      ! " + TextWidth.clean(subject))).append('\n'));
        c.added().forEach(subject -> out.append(fit("      > " + TextWidth.clean(subject))).append('\n'));
        c.dropped().forEach(subject -> out.append(fit("      < " + TextWidth.clean(subject))).append('\n'));
        if (c.changelog() != null) {
            c.changelog().lines().forEach(l -> out.append(fit("      | " + TextWidth.clean(l))).append('\n'));
        }
    }

    private String patch(PatchInfo p) {
        StringBuilder out = new StringBuilder();
        out.append(fit("Patch " + p.id() + ": " + p.subject())).append('\n');
        kv(out, "State", stateLine(p.state()));
        kv(out, "Author", person(p.author()));
        kv(out, "Date", minute(p.date()) + " UTC");
        whole(out, "Message", "<" + p.messageId() + ">");
        kv(out, "Diffstat", p.diffstat().files() + " files, +" + p.diffstat().insertions() + " -" + p.diffstat().deletions());
        if (p.seriesId() != null) {
            kv(out, "Series", "/api/series/" + p.seriesId() + (p.version() == null ? "" : " (v" + p.version() + ")"));
        }
        if (!p.trailers().isEmpty()) {
            out.append("Trailers:\n");
            for (TrailerInfo t : p.trailers()) {
                out.append(fit("  " + t.name() + ": " + t.value())).append('\n');
            }
        }
        if (!p.checks().isEmpty()) {
            out.append("Checks: ").append(p.check()).append('\n');
            for (CheckInfo c : p.checks()) {
                out.append(fit("  " + check(c))).append('\n');
                if (c.targetUrl() != null) {
                    out.append("    ").append(TextWidth.clean(c.targetUrl())).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** One check on a line: state, context, what it says and who said it. */
    private static String check(CheckInfo c) {
        return "check " + c.state() + "  " + c.context() + (c.description() == null || c.description().isBlank() ? ""
                : ": " + c.description().strip().lines().findFirst().orElse("")) + " (" + c.source().by()
                + (c.source().messageId() == null ? "" : " <" + c.source().messageId() + ">") + ")";
    }

    private String message(MessageInfo m) {
        StringBuilder out = new StringBuilder();
        out.append("Message <").append(TextWidth.clean(m.messageId())).append(">\n");
        kv(out, "Kind", m.kind() + (m.deleted() ? " (deleted)" : "") + (m.syntheticId() ? " (synthetic id)" : ""));
        kv(out, "Subject", m.subject());
        kv(out, "From", person(m.from()));
        kv(out, "Date", minute(m.date()) + " UTC");
        kv(out, "Lists", String.join(", ", m.lists()));
        if (m.inReplyTo() != null) {
            whole(out, "Reply to", "<" + m.inReplyTo() + ">");
        }
        if (m.seriesId() != null) {
            kv(out, "Series", m.seriesId() + (m.seriesTitle() == null ? "" : ": " + m.seriesTitle()));
            kv(out, "Revision", "v" + m.version() + " (revision " + m.revisionId() + ")");
            kv(out, "Patch", m.patchNumber() == null ? "-" : m.patchNumber() == 0 ? "cover letter"
                    : m.patchNumber() + " (patch " + m.patchId() + ")");
        }
        if (m.state() != null) {
            kv(out, "State", stateLine(m.state()));
        }
        if (m.pull() != null) {
            kv(out, "Pull", m.pull().repository() + (m.pull().branch() == null ? "" : " " + m.pull().branch()));
        }
        if (!m.problemDetails().isEmpty()) {
            kv(out, "Problems", String.join("; ", m.problemDetails().stream()
                    .map(p -> p.detail() + " [" + p.severity() + " " + p.code() + "]").toList()));
        }
        out.append("Links:\n");
        m.links().forEach((k, v) -> out.append("  ").append(TextWidth.pad(k, 7)).append(' ').append(TextWidth.clean(v))
                .append('\n'));
        return out.toString();
    }

    private String article(ArticleInfo a) {
        StringBuilder out = new StringBuilder();
        out.append(fit("Article " + a.id() + ": " + a.title())).append('\n');
        whole(out, "Link", a.link());
        kv(out, "Author", a.author());
        kv(out, "Published", minute(a.published()) + " UTC");
        kv(out, "State", a.state() + (a.subscriberOnly() ? " (subscribers only)" : ""));
        kv(out, "Topics", topicReasons(a.topics()));
        if (!a.series().isEmpty()) {
            out.append('\n').append(list(a.series()));
        }
        return out.toString();
    }

    private void kv(StringBuilder out, String key, String value) {
        out.append(fit(TextWidth.pad(key + ":", 10) + (value == null ? "-" : value))).append('\n');
    }

    /** A line that is never cut: it holds a Message-ID or URL to copy. */
    private static void whole(StringBuilder out, String key, String value) {
        out.append(TextWidth.pad(key + ":", 10)).append(TextWidth.clean(value)).append('\n');
    }

    private String fit(String line) {
        return TextWidth.fit(TextWidth.clean(line), width);
    }

    /** {@code name: value} lines for any record, nested records with dotted names. */
    private String fields(Object o, String prefix) {
        if (!(o instanceof Record r)) {
            return fit(prefix + value(o)) + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = get(c, r);
            if (v instanceof Record) {
                out.append(fields(v, prefix + c.getName() + "."));
            } else if (v instanceof Collection<?> list && !list.isEmpty() && list.iterator().next() instanceof Record) {
                out.append(prefix).append(c.getName()).append(":\n");
                list.forEach(item -> out.append(fields(item, prefix + "  ")));
            } else {
                out.append(fit(prefix + c.getName() + ": " + value(v))).append('\n');
            }
        }
        return out.toString();
    }

    private static Object get(RecordComponent c, Object o) {
        try {
            return c.getAccessor().invoke(o);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static boolean simple(Class<?> t) {
        return t.isPrimitive() || Number.class.isAssignableFrom(t) || t == String.class || t == Boolean.class
                || TemporalAccessor.class.isAssignableFrom(t);
    }

    private static String value(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Instant i) {
            return minute(i);
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(TextRenderer::value).collect(Collectors.joining(", "));
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue())).collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }

    private static String state(StateInfo s) {
        return s == null ? "-" : s.state() + (s.overridden() ? "*" : "");
    }

    private static String stateLine(StateInfo s) {
        if (s == null) {
            return "-";
        }
        return s.state() + (s.overridden() ? " (set by a maintainer)" : "")
                + (s.reason() == null ? "" : " - " + s.reason())
                + (s.messageId() == null ? "" : " <" + s.messageId() + ">");
    }

    private static String counts(PatchInfo p) {
        Map<String, Integer> c = p.trailerCounts();
        return Trailer.REVIEW_NAMES.stream().map(n -> String.valueOf(c.getOrDefault(n, 0))).collect(Collectors.joining("/"));
    }

    /** The topics a row has beyond those the request filtered on, without the {@code rust-} all share. */
    private String otherTopics(List<TopicInfo> topics) {
        return topics.stream().map(TopicInfo::topic).filter(t -> !topicFilter.contains(t))
                .map(t -> t.startsWith("rust-") ? t.substring(5) : t).collect(Collectors.joining(","));
    }

    /**
     * A table's columns, some shown only when a row has something for them; the last one (a title) is
     * the one that gives up room first.
     */
    private static final class Columns {
        private final List<String> headers = new ArrayList<>();
        private final List<Boolean> shown = new ArrayList<>();

        Columns(String... always) {
            for (String h : always) {
                with(true, h);
            }
        }

        Columns with(boolean show, String header) {
            headers.add(header);
            shown.add(show);
            return this;
        }

        TextTable table() {
            List<String> visible = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                if (shown.get(i)) {
                    visible.add(headers.get(i));
                }
            }
            return new TextTable(visible.size() - 1, visible.toArray(String[]::new));
        }

        /** The cells of the shown columns, given one per column. */
        Object[] cells(Object... all) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (shown.get(i)) {
                    out.add(all[i]);
                }
            }
            return out.toArray();
        }
    }

    private static String topics(List<TopicInfo> topics) {
        return topics.isEmpty() ? "-" : topics.stream().map(TopicInfo::topic).collect(Collectors.joining(","));
    }

    private static String topicReasons(List<TopicInfo> topics) {
        return topics.isEmpty() ? "-" : topics.stream().map(t -> t.topic() + (t.detail() == null ? "" : " [" + t.detail() + "]")
                        + (t.reason() == null ? "" : " (" + t.reason() + ")"))
                .collect(Collectors.joining("; "));
    }

    private static String name(PersonInfo p) {
        return p == null ? "-" : p.name() != null ? p.name() : p.email();
    }

    private static String person(PersonInfo p) {
        return p == null ? "-" : p.name() != null ? p.name() + " <" + p.email() + ">" : p.email();
    }

    private static String minute(Instant t) {
        return t == null ? "-" : MINUTE.format(t);
    }

    private static String day(Instant t) {
        return t == null ? "-" : DAY.format(t);
    }
}
