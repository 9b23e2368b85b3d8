package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.store.ListRepository;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.MessageRepository.NewMessage;
import dev.patchtrack.store.MessageRepository.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The import pipeline: read an mbox (or mbox.gz, or one message) as a stream, parse and analyse each
 * message, store batches, then rebuild series. Idempotent: the same input twice stores nothing the
 * second time. Bad mail never stops it: it is stored with its reason and counted.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");
    private static final int MAX_REPORTED_PROBLEMS = 200;

    /** Told how far an import has come. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesRead, int messagesRead);

        Progress NONE = (b, m) -> { };
    }

    @Inject
    PatchtrackConfig config;

    @Inject
    MailLimits limits;

    @Inject
    MessageRepository messages;

    @Inject
    ListRepository lists;

    @Inject
    SeriesRebuilder rebuilder;

    /** True when {@code name} can name a list. */
    public static boolean validListName(String name) {
        return name != null && LIST_NAME.matcher(name).matches();
    }

    /**
     * Imports everything readable from {@code in}.
     *
     * @param listName the list to file every message under, or null to use each message's List-Id
     */
    public ImportSummary importStream(InputStream in, String listName, Progress progress) {
        if (listName != null && !validListName(listName)) {
            throw new IllegalArgumentException("not a list name: " + listName);
        }
        long start = System.nanoTime();
        MailParser parser = new MailParser(limits);
        PatchAnalyzer analyzer = new PatchAnalyzer();
        Counts counts = new Counts();
        long bytes = 0;
        List<Pending> batch = new ArrayList<>();
        int batchSize = Math.max(1, config.imports().batchSize());
        try (MboxReader reader = MboxReader.open(in, limits)) {
            MboxReader.MboxEntry entry;
            while ((entry = reader.next()) != null) {
                counts.read++;
                batch.add(prepare(entry, parser, analyzer, listName, counts));
                if (batch.size() >= batchSize) {
                    store(batch, counts);
                    batch.clear();
                    progress.update(reader.bytesRead(), counts.read);
                }
            }
            if (!batch.isEmpty()) {
                store(batch, counts);
                batch.clear();
            }
            bytes = reader.bytesRead();
            progress.update(bytes, counts.read);
            for (String p : reader.problems()) {
                counts.problem(-1, null, p);
            }
        } catch (IOException e) {
            counts.problem(-1, null, "input could not be read: " + e.getMessage());
        }
        if (!batch.isEmpty()) {
            store(batch, counts);
        }
        // New mail, or known mail newly seen on a list (cross-posting), changes series or their lists.
        SeriesRebuilder.Summary rebuild = counts.stored > 0 || counts.newlyListed > 0
                ? rebuilder.rebuild() : SeriesRebuilder.Summary.NOTHING;
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("import into %s: %d read, %d stored, %d duplicates, %d unparseable, %d problems in %d ms (%.0f msg/s)",
                listName == null ? "(List-Id)" : listName, counts.read, counts.stored, counts.duplicates,
                counts.unparseable, counts.problemCount, millis, counts.read * 1000.0 / Math.max(1, millis));
        return new ImportSummary(listName, counts.read, counts.stored, counts.duplicates, counts.unparseable,
                List.copyOf(counts.problems), counts.problemCount, bytes, millis, rebuild);
    }

    private record Pending(NewMessage message, String list, long offset) {
    }

    private static final class Counts {
        int read;
        int stored;
        int duplicates;
        int unparseable;
        int problemCount;
        int newlyListed;
        final List<ImportSummary.Problem> problems = new ArrayList<>();

        void problem(long offset, String messageId, String reason) {
            problemCount++;
            if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(new ImportSummary.Problem(offset, messageId, reason));
            }
        }
    }

    private Pending prepare(MboxReader.MboxEntry entry, MailParser parser, PatchAnalyzer analyzer, String listName,
                            Counts counts) {
        ParsedMail mail = parser.parse(entry.raw());
        MailFacts facts = null;
        if (mail.readable()) {
            try {
                facts = analyzer.analyze(mail);
            } catch (RuntimeException e) {
                // The analyser is lenient by contract; should it still fail, the mail is kept unanalysed.
                LOG.warnf(e, "analysis of <%s> failed", mail.messageId());
                mail = withProblem(mail, "analysis failed: " + e);
            }
        }
        List<String> problems = new ArrayList<>(entry.problems());
        problems.addAll(mail.problems());
        if (!entry.problems().isEmpty()) {
            mail = withProblems(mail, problems);
        }
        for (String p : problems) {
            counts.problem(entry.offset(), mail.messageId(), p);
        }
        String list = listName != null ? listName : listFromHeaders(mail);
        return new Pending(new NewMessage(mail, facts, entry.raw()), list, entry.offset());
    }

    private void store(List<Pending> batch, Counts counts) {
        Map<String, List<Pending>> byList = new LinkedHashMap<>();
        for (Pending p : batch) {
            byList.computeIfAbsent(p.list() == null ? "" : p.list(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Pending>> group : byList.entrySet()) {
            List<Pending> pending = group.getValue();
            List<Outcome> outcomes = storeWithRetry(group.getKey(), pending);
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).newlyListed()) {
                    counts.newlyListed++;
                }
                if (outcomes.get(i).fate() == MessageRepository.Fate.STORED) {
                    counts.stored++;
                    if (!pending.get(i).message().mail().readable()) {
                        counts.unparseable++;
                    }
                } else {
                    counts.duplicates++;
                }
            }
        }
    }

    /** One transaction per batch; a batch that lost a race with a concurrent import is tried once more. */
    private List<Outcome> storeWithRetry(String list, List<Pending> pending) {
        List<NewMessage> toStore = pending.stream().map(Pending::message).toList();
        RuntimeException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    Long listId = list.isEmpty() ? null : lists.findOrCreate(list).id;
                    return messages.storeBatch(toStore, listId);
                });
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("storing a batch of %d failed (attempt %d): %s", toStore.size(), attempt + 1, e.toString());
            }
        }
        throw last;
    }

    /** rust-for-linux.vger.kernel.org gives rust-for-linux. */
    static String listFromHeaders(ParsedMail mail) {
        for (String id : mail.listIds()) {
            int dot = id.indexOf('.');
            String name = dot > 0 ? id.substring(0, dot) : id;
            if (validListName(name)) {
                return name;
            }
        }
        return null;
    }

    private static ParsedMail withProblem(ParsedMail m, String problem) {
        List<String> problems = new ArrayList<>(m.problems());
        problems.add(problem);
        return withProblems(m, problems);
    }

    private static ParsedMail withProblems(ParsedMail m, List<String> problems) {
        return new ParsedMail(m.messageId(), m.syntheticId(), m.from(), m.date(), m.subject(), m.inReplyTo(),
                m.references(), m.listIds(), m.body(), m.attachments(), problems, m.readable());
    }
}
