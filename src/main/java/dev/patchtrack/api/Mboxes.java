package dev.patchtrack.api;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.AmMbox;
import dev.patchtrack.core.patch.PatchParts;
import dev.patchtrack.store.MessageEntity;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.store.TrailerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Patches as an mbox for {@code git am}, like {@code b4 am}: each from its stored mail, its commit
 * message extended with the review trailers that replies (to the patch or to the cover letter) gave
 * it, and a {@code Link:} to the patch on lore (none for mail that had no Message-ID: its synthetic id
 * is nowhere on lore). Both the series mbox and the Patchwork-compatible mbox URLs write it.
 */
@ApplicationScoped
public class Mboxes {

    public static final String MBOX = "application/mbox";

    /** The trailers carried into the commit: those that credit a person. Nacked-by is not one of them. */
    static final Set<String> CARRIED = Set.of("Reviewed-by", "Acked-by", "Tested-by", "Reported-by", "Suggested-by");

    static final String LORE = "https://lore.kernel.org/r/";

    static final String BASE_PARAMETER = "1 (or true): add the base-commit: the cover letter or a patch names, after"
            + " the first patch's diff as git format-patch --base writes it, and say it in an X-Patchtrack-Base header"
            + " (unknown when the mail names none)";

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    MessageRepository messages;

    @Inject
    MailLimits limits;

    /**
     * An mbox and the base commit it names: null when none was asked for ({@code ?base=1} not given),
     * {@code unknown} when the mail names none.
     */
    public record Mbox(byte[] bytes, String base) {
    }

    /** The name a download is offered under: the title made safe, at most 60 characters, else {@code fallback}. */
    public static String fileName(String title, String fallback) {
        String slug = (title == null ? "" : title).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? fallback : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    /** An mbox as a download named {@code file}, with {@code X-Patchtrack-Base} when a base was asked for. */
    static Response response(Mbox mbox, String file) {
        Response.ResponseBuilder out = Response.ok(mbox.bytes(), MBOX)
                .header("Content-Disposition", "inline; filename=\"" + file + "\"");
        if (mbox.base() != null) {
            out.header("X-Patchtrack-Base", mbox.base());
        }
        return out.build();
    }

    /** The patches, in the order given, as one mbox; in the caller's transaction. */
    public byte[] forGitAm(List<PatchEntity> patches, boolean link) {
        return forGitAm(patches, link, false).bytes();
    }

    /**
     * The patches as one mbox; with {@code base}, the {@code base-commit:} their cover letter or, failing
     * that, the first of them that names one gives (see {@link AmMbox#write(List, AmMbox.Base)}).
     */
    public Mbox forGitAm(List<PatchEntity> patches, boolean link, boolean base) {
        List<TrailerEntity> given = seriesLookups.trailersOf(patches.stream().map(p -> p.id).toList()).stream()
                .filter(t -> CARRIED.contains(t.name)).toList();
        Map<Long, MessageEntity> sources = messages.byIds(given.stream().map(t -> t.sourceMessagePk)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<Long, List<AmMbox.Added>> trailers = new LinkedHashMap<>();
        for (TrailerEntity t : given) {
            MessageEntity from = t.sourceMessagePk == null ? null : sources.get(t.sourceMessagePk);
            trailers.computeIfAbsent(t.patchId, k -> new ArrayList<>())
                    .add(new AmMbox.Added(t.name + ": " + t.value, from == null ? null : from.messageId));
        }
        Map<Long, MessageEntity> msgs = messages.byIds(patches.stream().map(p -> p.messagePk).toList());
        Map<Long, byte[]> raw = messages.rawByPks(patches.stream().map(p -> p.messagePk).toList());
        MailParser parser = new MailParser(limits);
        List<AmMbox.Patch> out = new ArrayList<>();
        for (PatchEntity p : patches) {
            MessageEntity m = msgs.get(p.messagePk);
            ParsedMail mail = parser.parse(raw.get(p.messagePk));
            List<AmMbox.Added> add = new ArrayList<>(trailers.getOrDefault(p.id, List.of()));
            // an id made up from the bytes of mail that had none is nowhere on lore
            if (link && !m.syntheticId) {
                add.add(new AmMbox.Added("Link: " + LORE + m.messageId, null));
            }
            out.add(new AmMbox.Patch(mail.from(), mail.date(), mail.subject(), m.messageId, mail.body(), add));
        }
        if (!base) {
            return new Mbox(AmMbox.write(out), null);
        }
        String commit = baseCommit(patches, out);
        return new Mbox(AmMbox.write(out, new AmMbox.Base(commit)), commit == null ? "unknown" : commit);
    }

    /** The base commit the cover letters of the patches' revisions name, else the first patch that names one. */
    private String baseCommit(List<PatchEntity> patches, List<AmMbox.Patch> bodies) {
        List<Long> covers = seriesLookups.revisionsByIds(patches.stream().map(p -> p.revisionId).distinct().toList()).stream()
                .map(r -> r.coverMessagePk).filter(java.util.Objects::nonNull).toList();
        for (Long pk : covers) {
            String commit = PatchParts.baseCommit(body(pk));
            if (commit != null) {
                return commit;
            }
        }
        return bodies.stream().map(b -> PatchParts.baseCommit(b.body())).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The decoded text of a stored message; in the caller's transaction. */
    public String body(long messagePk) {
        return new MailParser(limits).parse(messages.rawByPks(List.of(messagePk)).get(messagePk)).body();
    }
}
