package dev.patchtrack.core.series;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.AppliedNotice;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.model.ReplyScope;
import dev.patchtrack.core.model.SubjectTags;
import dev.patchtrack.core.model.Trailer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fluent builder of {@link MailFacts} for tests. Defaults: an uncounted v1 patch by alice, dated at minute 0. */
final class Mail {

    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Pattern PERSON = Pattern.compile("^(.*?)\\s*<([^>]*)>\\s*$");

    private final String id;
    private MessageKind kind = MessageKind.PATCH;
    private String title = "rust: add a thing";
    private boolean rfc;
    private boolean resend;
    private int version;
    private int minor;
    private int number;
    private int total;
    private Address from = new Address("Alice", "alice@example.org");
    private Address author;
    private Instant date = T0;
    private final List<String> inReplyTo = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private final List<Trailer> trailers = new ArrayList<>();
    private String changeId;
    private int bodyVersion;
    private final List<String> earlier = new ArrayList<>();
    private final List<Integer> named = new ArrayList<>();
    private ReplyScope scope;
    private AppliedNotice applied;
    private dev.patchtrack.core.model.PullRequest pull;

    private Mail(String id) {
        this.id = id;
    }

    static Mail mail(String id) {
        return new Mail(id);
    }

    /** A cover letter 0/total. */
    static Mail cover(String id, int total) {
        Mail m = new Mail(id);
        m.kind = MessageKind.COVER;
        m.total = total;
        m.title = "A sample series";
        return m;
    }

    /** Patch n/total. */
    static Mail patch(String id, int n, int total) {
        Mail m = new Mail(id);
        m.number = n;
        m.total = total;
        m.title = "patch number " + n;
        return m;
    }

    /** An uncounted single patch. */
    static Mail single(String id) {
        return new Mail(id);
    }

    static Mail reply(String id, String parent) {
        Mail m = new Mail(id);
        m.kind = MessageKind.REPLY;
        m.from = new Address("Reviewer", "rev@example.org");
        return m.inReplyTo(parent);
    }

    Mail kind(MessageKind k) {
        this.kind = k;
        return this;
    }

    Mail title(String t) {
        this.title = t;
        return this;
    }

    Mail v(int v) {
        this.version = v;
        return this;
    }

    Mail minor(int m) {
        this.minor = m;
        return this;
    }

    Mail rfc() {
        this.rfc = true;
        return this;
    }

    Mail resend() {
        this.resend = true;
        return this;
    }

    Mail from(String email) {
        this.from = new Address(null, email);
        return this;
    }

    Mail author(String email) {
        this.author = new Address(null, email);
        return this;
    }

    /** Dated this many minutes after {@link #T0}. */
    Mail at(long minutes) {
        this.date = T0.plusSeconds(minutes * 60);
        return this;
    }

    Mail noDate() {
        this.date = null;
        return this;
    }

    Mail inReplyTo(String... ids) {
        inReplyTo.addAll(List.of(ids));
        if (references.isEmpty()) {
            references.addAll(List.of(ids));
        }
        return this;
    }

    /** Sets References exactly (oldest first). */
    Mail refs(String... ids) {
        references.clear();
        references.addAll(List.of(ids));
        return this;
    }

    /** Only In-Reply-To, no References. */
    Mail onlyInReplyTo(String... ids) {
        inReplyTo.addAll(List.of(ids));
        return this;
    }

    Mail trailer(String name, String value) {
        Matcher m = PERSON.matcher(value);
        Address person = m.matches() ? new Address(m.group(1), m.group(2)) : null;
        trailers.add(new Trailer(name, value, person));
        return this;
    }

    Mail changeId(String c) {
        this.changeId = c;
        return this;
    }

    Mail bodyVersion(int v) {
        this.bodyVersion = v;
        return this;
    }

    /** Patch numbers the reply's text names ("for patch 2"). */
    Mail names(Integer... numbers) {
        named.addAll(List.of(numbers));
        return this;
    }

    /** The "applied" notice the reply is. */
    Mail applied(AppliedNotice n) {
        this.applied = n;
        return this;
    }

    /** A {@code [GIT PULL]} listing these commit titles. */
    Mail pull(String... titles) {
        this.kind = MessageKind.PULL;
        this.title = "Please pull";
        this.pull = new dev.patchtrack.core.model.PullRequest("git://example.org/tree.git", "for-next", null, null,
                List.of(titles));
        return this;
    }

    /** What the reply says of its trailers' reach. */
    Mail scope(ReplyScope s) {
        this.scope = s;
        return this;
    }

    Mail earlier(String... ids) {
        earlier.addAll(List.of(ids));
        return this;
    }

    MailFacts build() {
        StringBuilder subject = new StringBuilder();
        if (kind == MessageKind.REPLY) {
            subject.append("Re: ");
        }
        subject.append('[').append(rfc ? "RFC " : "").append("PATCH").append(resend ? " RESEND" : "");
        if (version > 0) {
            subject.append(" v").append(version).append(minor > 0 ? "." + minor : "");
        }
        if (total > 0) {
            subject.append(' ').append(number).append('/').append(total);
        }
        subject.append("] ").append(title);
        String normalized = title.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        SubjectTags tags = new SubjectTags(subject.toString(), title, normalized, kind == MessageKind.REPLY,
                kind != MessageKind.REPLY, rfc, resend, version, minor, number, total, List.of(), List.of());
        return new MailFacts(id, false, kind, tags, from, author != null ? author : from, date, inReplyTo,
                references, List.of("rust-for-linux.vger.kernel.org"), null, trailers, changeId, bodyVersion,
                earlier, List.of(), List.of(), named, List.of(), applied, pull, false, false, scope, null);
    }
}
