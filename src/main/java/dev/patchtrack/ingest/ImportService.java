package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.store.Conflict;
import dev.patchtrack.store.ListRepository;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.RawCodec;
import dev.patchtrack.store.MessageRepository.Encoded;
import dev.patchtrack.store.MessageRepository.NewMessage;
import dev.patchtrack.store.MessageRepository.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
    Meters meters;

    @Inject
    SeriesRebuilder rebuilder;

    /** True when {@code name} can name a list. */
    public static boolean validListName(String name) {
        return name != null && LIST_NAME.matcher(name).matches();
    }

    /**
     * Told about each batch inside the transaction that stores it, so that a source's cursor and
     * counts commit with their mail (or not at all).
     */
    @FunctionalInterface
    public interface BatchHook {
        void inTransaction(Map<String, String> cursors, Batch batch);

        BatchHook NONE = (c, b) -> { };
    }

    /** What one stored batch did. */
    public record Batch(int read, int stored, int deleted, java.time.Instant newestDate) {
    }

    /**
     * Imports everything readable from {@code in}, then rebuilds series if anything changed.
     *
     * @param listName the list to file every message under, or null to use each message's List-Id
     */
    public ImportSummary importStream(InputStream in, String listName, Progress progress) {
        checkListName(listName);
        try (MboxReader reader = MboxReader.open(in, limits)) {
            ImportSummary s;
            try {
                s = ingest(MailFeed.of(reader), listName, progress, BatchHook.NONE);
            } catch (PartialImport e) {
                s = e.summary();
            }
            return withRebuild(s);
        } catch (IOException e) {
            return new ImportSummary(listName, 0, 0, 0, 0,
                    List.of(new ImportSummary.MessageProblem(null, Problem.of(Problem.Code.INPUT_UNREADABLE,
                            "input could not be read: " + e.getMessage()))), 1, 0, 0,
                    SeriesRebuilder.Summary.NOTHING, 0, 0, java.util.Set.of());
        }
    }

    /**
     * Rebuilds series when the import stored mail or filed known mail under a new list, or when an
     * earlier import or sync stored mail and died before its series were derived.
     */
    public ImportSummary withRebuild(ImportSummary s) {
        if (s.stored() == 0 && s.newlyListed() == 0 && s.deleted() == 0 && !rebuilder.hasPending()) {
            return s;
        }
        return s.withRebuild(s.changedIds() == null ? rebuilder.rebuild() : rebuilder.rebuildAffected(s.changedIds()));
    }

    /**
     * The pipeline every input goes through, mbox import and lore sources alike: read, parse,
     * analyse, store in batches (one transaction each, the hook's cursor with it). Does not rebuild
     * series; see {@link #withRebuild}.
     */
    public ImportSummary ingest(MailFeed feed, String listName, Progress progress, BatchHook hook) {
        checkListName(listName);
        long start = System.nanoTime();
        Counts counts = new Counts();
        int batchSize = Math.max(1, config.imports().batchSize());
        long batchBytes = Math.max(1, config.imports().batchBytes());
        // Batches are parsed, analysed and encoded on a pool of threads, each with its own parser and
        // analyser, while this thread stores them one at a time in the order read, each with its
        // cursors. At most threads + 1 batches are in flight, so memory stays bounded by batch-bytes.
        int threads = prepareThreads(config.imports().prepareThreads());
        AtomicInteger made = new AtomicInteger();
        ExecutorService preparers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "patchtrack-import-prepare-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Supplier<Preparation> preparation =
                () -> new Preparation(new MailParser(limits), new PatchAnalyzer(), listName);
        ThreadLocal<Preparation> own = ThreadLocal.withInitial(preparation);
        Deque<Future<Prepared>> inFlight = new ArrayDeque<>();
        try {
            List<MailFeed.Item> items = new ArrayList<>();
            Map<String, String> cursors = new LinkedHashMap<>();
            long bytes = 0;
            try {
                MailFeed.Item item;
                while ((item = feed.next()) != null) {
                    if (item.cursorKey() != null) {
                        cursors.put(item.cursorKey(), item.cursorValue());
                    }
                    if (item.raw() != null) {
                        counts.read++;
                        items.add(item);
                        bytes += item.raw().length;
                    }
                    // a batch ends at its count or its bytes: a few huge messages never fill the heap
                    if (items.size() >= batchSize || bytes >= batchBytes) {
                        inFlight.add(preparers.submit(Preparation.work(own, items, cursors)));
                        items = new ArrayList<>();
                        cursors = new LinkedHashMap<>();
                        bytes = 0;
                        while (inFlight.size() > threads) {
                            store(await(inFlight.remove()), counts, hook);
                        }
                        progress.update(feed.bytesRead(), counts.read);
                    }
                }
            } catch (IOException e) {
                counts.problem(null,
                        Problem.of(Problem.Code.INPUT_UNREADABLE, "input could not be read: " + e.getMessage()));
                counts.failure = e;
            }
            while (!inFlight.isEmpty()) {
                store(await(inFlight.remove()), counts, hook);
            }
            if (!items.isEmpty() || !cursors.isEmpty()) {
                store(preparation.get().now(items, cursors), counts, hook);
            }
        } finally {
            preparers.shutdownNow();
        }
        progress.update(feed.bytesRead(), counts.read);
        for (Problem p : feed.problems()) { // about the input as a whole, so reported without an offset
            counts.problem(null, p.at(Problem.NO_OFFSET));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("import into %s: %d read, %d stored, %d duplicates, %d deleted, %d unparseable, %d problems in %d ms (%.0f msg/s)",
                listName == null ? "(List-Id)" : listName, counts.read, counts.stored, counts.duplicates, counts.deleted,
                counts.unparseable, counts.problemCount, millis, counts.read * 1000.0 / Math.max(1, millis));
        ImportSummary summary = new ImportSummary(listName, counts.read, counts.stored, counts.duplicates,
                counts.unparseable, List.copyOf(counts.problems), counts.problemCount, feed.bytesRead(), millis,
                SeriesRebuilder.Summary.NOTHING, counts.deleted, counts.newlyListed,
                counts.changed == null ? null : java.util.Set.copyOf(counts.changed));
        if (counts.failure != null) {
            throw new PartialImport(summary, counts.failure);
        }
        return summary;
    }

    /**
     * Threads that prepare batches: the setting, or one per core but the one storing, 1 to 4. On two
     * cores a second preparing thread measured no faster: storing and PostgreSQL hold the other core.
     */
    static int prepareThreads(OptionalInt setting) {
        return setting.orElse(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)));
    }

    /** The prepared batch, or what went wrong preparing it. */
    private static Prepared await(Future<Prepared> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The input failed part way; what was read before is stored and summarised. */
    public static final class PartialImport extends RuntimeException {
        private final transient ImportSummary summary;

        PartialImport(ImportSummary summary, IOException cause) {
            super(cause.getMessage(), cause);
            this.summary = summary;
        }

        public ImportSummary summary() {
            return summary;
        }
    }

    private static void checkListName(String listName) {
        if (listName != null && !validListName(listName)) {
            throw new IllegalArgumentException("not a list name: " + listName);
        }
    }

    /**
     * One item ready to store: the message and (unless it is a deletion) its encoding, the list it
     * goes to, and the problems found reading it.
     */
    private record Pending(NewMessage message, Encoded encoded, String list, long offset, boolean deletion,
                           List<ImportSummary.MessageProblem> problems) {
    }

    /** A batch ready to store, with the cursors it moves. */
    private record Prepared(List<Pending> batch, Map<String, String> cursors) {
    }

    /** Parses, analyses and encodes batches; used by one thread at a time. */
    private record Preparation(MailParser parser, PatchAnalyzer analyzer, String listName) {

        /**
         * The work for a pool thread, done with that thread's own preparation; the lists are copied,
         * the caller may reuse its own.
         */
        static Callable<Prepared> work(ThreadLocal<Preparation> own, List<MailFeed.Item> items,
                                       Map<String, String> cursors) {
            List<MailFeed.Item> mine = List.copyOf(items);
            Map<String, String> cursorCopy = Map.copyOf(cursors);
            return () -> own.get().now(mine, cursorCopy);
        }

        Prepared now(List<MailFeed.Item> items, Map<String, String> cursors) {
            List<Pending> batch = new ArrayList<>(items.size());
            for (MailFeed.Item item : items) {
                batch.add(prepare(item, parser, analyzer, listName));
            }
            return new Prepared(batch, Map.copyOf(cursors));
        }
    }

    private static final class Counts {
        int read;
        int stored;
        int duplicates;
        int deleted;
        int unparseable;
        int problemCount;
        int newlyListed;
        IOException failure;
        final List<ImportSummary.MessageProblem> problems = new ArrayList<>();
        /** Message-IDs stored, newly listed or deleted; null once there are too many to list. */
        java.util.Set<String> changed = new java.util.HashSet<>();

        void changed(java.util.Collection<String> ids) {
            if (changed != null) {
                changed.addAll(ids);
                if (changed.size() > SeriesRebuilder.BIG_CHANGE) {
                    changed = null;
                }
            }
        }

        void problem(String messageId, Problem problem) {
            problemCount++;
            if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(new ImportSummary.MessageProblem(messageId, problem));
            }
        }
    }

    private static Pending prepare(MailFeed.Item entry, MailParser parser, PatchAnalyzer analyzer, String listName) {
        ParsedMail mail = parser.parse(entry.raw());
        MailFacts facts = null;
        if (mail.readable() && !entry.deletion()) {
            try {
                facts = analyzer.analyze(mail);
            } catch (RuntimeException e) {
                // The analyser is lenient by contract; should it still fail, the mail is kept unanalysed.
                LOG.warnf(e, "analysis of <%s> failed", mail.messageId());
                mail = withProblem(mail, Problem.of(Problem.Code.ANALYSIS_FAILED, "analysis failed: " + e));
            }
        }
        List<Problem> problems = new ArrayList<>(entry.problems());
        problems.addAll(mail.problems());
        if (!entry.problems().isEmpty()) {
            mail = withProblems(mail, problems);
        }
        List<ImportSummary.MessageProblem> reported = new ArrayList<>();
        if (!entry.deletion()) {
            for (Problem p : problems) {
                reported.add(new ImportSummary.MessageProblem(mail.messageId(), p.at(entry.offset())));
            }
        }
        String list = listName != null ? listName : listFromHeaders(mail);
        NewMessage message = new NewMessage(mail, facts, entry.raw());
        return new Pending(message, entry.deletion() ? null : Encoded.of(message), list, entry.offset(),
                entry.deletion(), reported);
    }

    /** One transaction per batch: its mail, its deletions, and the hook (a source's cursor). */
    private void store(Prepared prepared, Counts counts, BatchHook hook) {
        List<Pending> batch = prepared.batch();
        for (Pending p : batch) {
            for (ImportSummary.MessageProblem problem : p.problems()) {
                counts.problem(problem.messageId(), problem.problem());
            }
        }
        Map<String, List<Pending>> byList = new LinkedHashMap<>();
        List<Pending> deletions = new ArrayList<>();
        for (Pending p : batch) {
            if (p.deletion()) {
                deletions.add(p);
            } else {
                byList.computeIfAbsent(p.list() == null ? "" : p.list(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, String> cursorCopy = prepared.cursors();
        for (int attempt = 1; ; attempt++) {
            Counts delta = new Counts();
            Map<String, Integer> storedOnList = new LinkedHashMap<>();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    java.time.Instant newest = null;
                    for (Map.Entry<String, List<Pending>> group : byList.entrySet()) {
                        List<Pending> pending = group.getValue();
                        Long listId = group.getKey().isEmpty() ? null : lists.findOrCreate(group.getKey()).id;
                        List<Outcome> outcomes = messages.storeEncoded(pending.stream().map(Pending::encoded).toList(), listId,
                                pending.stream().map(p -> p.offset() < 0 ? null : p.offset()).toList());
                        for (int i = 0; i < outcomes.size(); i++) {
                            ParsedMail mail = pending.get(i).message().mail();
                            if (mail.date() != null && (newest == null || mail.date().isAfter(newest))) {
                                newest = mail.date();
                            }
                            if (outcomes.get(i).newlyListed()) {
                                delta.newlyListed++;
                                delta.changed.add(outcomes.get(i).storedAs());
                            }
                            if (outcomes.get(i).fate() == MessageRepository.Fate.STORED) {
                                delta.changed.add(outcomes.get(i).storedAs());
                                delta.stored++;
                                storedOnList.merge(group.getKey(), 1, Integer::sum);
                                if (!mail.readable()) {
                                    delta.unparseable++;
                                }
                            } else {
                                delta.duplicates++;
                                if (outcomes.get(i).fate() == MessageRepository.Fate.COPY) {
                                    delta.problem(outcomes.get(i).storedAs(), Problem.of(Problem.Code.COPY,
                                            "delivered again with other bytes: a duplicate, kept as a copy of the"
                                            + " stored message").at(pending.get(i).offset()));
                                }
                            }
                        }
                    }
                    for (Pending d : deletions) {
                        int gone = messages.markDeleted(d.message().mail().messageId(), d.message().raw());
                        if (gone > 0) {
                            delta.deleted += gone;
                            delta.changed.add(d.message().mail().messageId());
                            // a row an earlier version stored under a synthetic id for a reused Message-ID
                            delta.changed.add(MessageRepository.syntheticId(RawCodec.sha256(d.message().raw())));
                        }
                    }
                    hook.inTransaction(cursorCopy, new Batch(batch.size(), delta.stored, delta.deleted, newest));
                });
                storedOnList.forEach(meters::ingested);
                counts.stored += delta.stored;
                counts.duplicates += delta.duplicates;
                counts.unparseable += delta.unparseable;
                counts.newlyListed += delta.newlyListed;
                counts.deleted += delta.deleted;
                counts.changed(delta.changed);
                for (ImportSummary.MessageProblem p : delta.problems) {
                    counts.problem(p.messageId(), p.problem());
                }
                return;
            } catch (RuntimeException e) {
                // a batch that lost a race with a concurrent import (the same message stored by both) runs
                // again and then finds what the other committed; shared keys (people, lists) never race
                if (!Conflict.is(e) || attempt >= RACE_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("storing a batch of %d lost a race with another import (attempt %d of %d): %s", batch.size(),
                        attempt, RACE_ATTEMPTS, e.toString());
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(20, 100L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** How often a batch that lost a race is stored again. */
    static final int RACE_ATTEMPTS = 8;

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

    private static ParsedMail withProblem(ParsedMail m, Problem problem) {
        List<Problem> problems = new ArrayList<>(m.problems());
        problems.add(problem);
        return withProblems(m, problems);
    }

    private static ParsedMail withProblems(ParsedMail m, List<Problem> problems) {
        return new ParsedMail(m.messageId(), m.syntheticId(), m.from(), m.date(), m.subject(), m.inReplyTo(),
                m.references(), m.listIds(), m.body(), m.attachments(), problems, m.readable());
    }
}
