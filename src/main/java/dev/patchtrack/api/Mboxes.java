package dev.patchtrack.api;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.AmMbox;
import dev.patchtrack.store.MessageEntity;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.SeriesRepository;
import dev.patchtrack.store.TrailerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    SeriesRepository series;

    @Inject
    MessageRepository messages;

    @Inject
    MailLimits limits;

    /** The name a download is offered under: the title made safe, at most 60 characters, else {@code fallback}. */
    public static String fileName(String title, String fallback) {
        String slug = (title == null ? "" : title).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? fallback : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    /** The patches, in the order given, as one mbox; in the caller's transaction. */
    public byte[] forGitAm(List<PatchEntity> patches, boolean link) {
        List<TrailerEntity> given = series.trailersOf(patches.stream().map(p -> p.id).toList()).stream()
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
        return AmMbox.write(out);
    }

    /** The decoded text of a stored message; in the caller's transaction. */
    public String body(long messagePk) {
        return new MailParser(limits).parse(messages.rawByPks(List.of(messagePk)).get(messagePk)).body();
    }
}
