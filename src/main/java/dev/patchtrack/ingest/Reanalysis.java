package dev.patchtrack.ingest;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.store.LinkKeyRepository;
import dev.patchtrack.store.MessageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Analyses stored mail again from its raw bytes when the analysis rules changed since it was stored
 * ({@link PatchAnalyzer#RULES_VERSION} above the store's): a rule change reaches history, not only new
 * mail. Page by page, each in a transaction of its own, so memory stays bounded and a process that dies
 * midway repeats the pass from the start (it is idempotent); the store takes the new version only when
 * every page is done, and its link keys are then written again from the new facts.
 */
@ApplicationScoped
public class Reanalysis {

    private static final Logger LOG = Logger.getLogger(Reanalysis.class);
    static final int PAGE = 500;

    @Inject
    MessageRepository messages;

    @Inject
    LinkKeyRepository linkKeys;

    @Inject
    MailLimits limits;

    /** Whether the stored facts follow older rules than these. */
    public boolean stale() {
        return QuarkusTransaction.requiringNew().call(linkKeys::storedFactsVersion) != PatchAnalyzer.RULES_VERSION;
    }

    /** Analyses every stored message again if the stored facts are stale; returns how many it analysed. */
    public int ifStale() {
        int stored = QuarkusTransaction.requiringNew().call(linkKeys::storedFactsVersion);
        if (stored == PatchAnalyzer.RULES_VERSION) {
            return 0;
        }
        long start = System.nanoTime();
        LOG.infof("stored mail was analysed by rules v%d, these are v%d: analysing it again from the raw mail",
                stored, PatchAnalyzer.RULES_VERSION);
        MailParser parser = new MailParser(limits);
        PatchAnalyzer analyzer = new PatchAnalyzer();
        int[] done = new int[2];
        long[] after = {-1};
        while (true) {
            boolean more = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                List<MessageRepository.Stored> page = messages.readablePage(after[0], PAGE);
                Map<Long, MailFacts> facts = new HashMap<>();
                for (MessageRepository.Stored m : page) {
                    after[0] = m.pk();
                    ParsedMail mail = parser.parse(m.raw());
                    if (mail.messageId().equals(m.messageId())) {
                        facts.put(m.pk(), analyzer.analyze(mail));
                    } else {
                        done[1]++; // stored under another id (a synthetic one, say): its facts stay
                    }
                }
                messages.updateFacts(facts);
                done[0] += facts.size();
                return page.size() == PAGE;
            });
            if (!more) {
                break;
            }
            if (done[0] % 10_000 < PAGE) {
                LOG.infof("analysed %d stored messages again", done[0]);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            linkKeys.setStoredVersion(0); // the keys come from the facts: written again by the full pass
            linkKeys.setStoredFactsVersion(PatchAnalyzer.RULES_VERSION);
        });
        LOG.infof("analysed %d stored messages again in %d ms (%d kept their facts: stored under another id)",
                done[0], (System.nanoTime() - start) / 1_000_000, done[1]);
        return done[0];
    }
}
