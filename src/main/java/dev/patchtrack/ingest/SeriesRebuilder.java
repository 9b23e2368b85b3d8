package dev.patchtrack.ingest;

import dev.patchtrack.core.classify.Classifier;
import dev.patchtrack.core.derive.Derived;
import dev.patchtrack.core.derive.SeriesDerivation;
import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.review.BotChecks;
import dev.patchtrack.core.review.Checks;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.ingest.tree.TreeMatches;
import dev.patchtrack.core.series.LinkKeys;
import dev.patchtrack.store.CheckRepository;
import dev.patchtrack.store.Conflict;
import dev.patchtrack.store.LinkKeyRepository;
import dev.patchtrack.store.ListRepository;
import dev.patchtrack.store.MailingList;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.OverrideRepository;
import dev.patchtrack.store.SeriesLookups;
import dev.patchtrack.store.SeriesWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Re-derives series, revisions, patches and trailers from the stored facts of messages (all of them,
 * or those new mail can reach) and makes the store match: it reads what a group of messages is
 * derived from (facts, lists, overrides, tree commits, checks, with the check rules turning bot
 * replies into checks), core's {@link SeriesDerivation} derives the group whole, and the store writes
 * what changed and records the events; {@link VersionChangesService} then compares each revision with
 * the one before.
 */
@ApplicationScoped
public class SeriesRebuilder {

    private static final Logger LOG = Logger.getLogger(SeriesRebuilder.class);

    /** What a rebuild saw and changed. */
    public record Summary(int messages, int series, int revisions, int seriesWritten, int revisionsWritten,
                          int patchesWritten, int trailersWritten, int deleted, int events, long millis) {
        public static final Summary NOTHING = new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Messages per group of a full pass: bounds the memory a pass needs. */
    static final int CHUNK_MESSAGES = 10_000;
    /** More changed messages than this and the full pass is cheaper than walking their keys. */
    static final int BIG_CHANGE = 20_000;

    private final ReentrantLock lock = new ReentrantLock();

    @Inject
    VersionChangesService versionChanges;

    @Inject
    LinkKeyRepository linkKeys;

    @Inject
    MessageRepository messages;

    @Inject
    SeriesWriter writer;

    @Inject
    dev.patchtrack.store.KeptDocuments documents;

    @Inject
    dev.patchtrack.store.DataVersion dataVersion;

    @Inject
    jakarta.enterprise.event.Event<DocumentsDropped> documentsDropped;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    OverrideRepository overrides;

    @Inject
    ListRepository lists;

    @Inject
    TopicRulesSource rules;

    @Inject
    CheckRulesSource checkRules;

    @Inject
    CheckRepository checks;

    @Inject
    MailLimits limits;

    @Inject
    TreeMatches treeMatches;

    @Inject
    Reanalysis reanalysis;

    @Inject
    dev.patchtrack.store.SearchIndex searchIndex;

    @Inject
    dev.patchtrack.store.StatsSummary statsSummary;

    @Inject
    Meters meters;

    @Inject
    dev.patchtrack.config.PatchtrackConfig config;

    /**
     * The full pass: every series derived again from every stored message (after a change of the rules,
     * the mailmap or the code), after analysing the stored mail again if the analysis rules changed
     * ({@link Reanalysis}). Streams the store in groups of messages that cannot affect each other
     * ({@link LinkKeyRepository#components}), one transaction each, so memory stays bounded whatever
     * the store's size; then drops the stored series no message gives any more.
     */
    public Summary rebuild() {
        lock.lock();
        try {
            long start = System.nanoTime();
            reanalysis.ifStale();
            QuarkusTransaction.requiringNew().timeout(3600).run(this::rewriteKeysIfStale);
            Set<Long> waiting = QuarkusTransaction.requiringNew().call(linkKeys::pending);
            List<List<Long>> chunks = QuarkusTransaction.requiringNew().timeout(3600)
                    .call(() -> linkKeys.components(CHUNK_MESSAGES));
            Summary summary = rebuildChunks(chunks, true, start);
            QuarkusTransaction.requiringNew().timeout(3600).run(() -> linkKeys.clearPending(waiting));
            return summary;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-derives only the series that these messages (new, newly listed or deleted, by Message-ID) can
     * change: the messages they share keys with ({@link dev.patchtrack.core.series.LinkKeys}), directly
     * or through others, and the stored series of those. Gives the same store as {@link #rebuild()}.
     */
    public Summary rebuildAffected(Collection<String> messageIds) {
        lock.lock();
        try {
            long start = System.nanoTime();
            if (messageIds.size() > BIG_CHANGE) {
                return rebuild();
            }
            // with the messages an earlier process stored and never derived (it died in between)
            Set<Long> waiting = QuarkusTransaction.requiringNew().call(linkKeys::pending);
            Set<Long> seeds = QuarkusTransaction.requiringNew().call(() -> linkKeys.pksOf(messageIds));
            seeds.addAll(waiting);
            if (seeds.isEmpty()) {
                return Summary.NOTHING;
            }
            if (waiting.size() > BIG_CHANGE) {
                return rebuild();
            }
            Summary summary = rebuildAffectedPks(seeds, start);
            QuarkusTransaction.requiringNew().run(() -> linkKeys.clearPending(waiting));
            return summary;
        } finally {
            lock.unlock();
        }
    }

    /** Whether stored messages wait for their series to be derived (an import or sync died before it). */
    public boolean hasPending() {
        return QuarkusTransaction.requiringNew().call(linkKeys::anyPending);
    }

    /** {@link #rebuildAffected} for the messages of one stored series (after a maintainer's override). */
    public Summary rebuildSeries(long seriesId) {
        lock.lock();
        try {
            long start = System.nanoTime();
            Set<Long> seeds = QuarkusTransaction.requiringNew().call(() -> seriesLookups.messagesOfSeries(List.of(seriesId)));
            return rebuildAffectedPks(seeds, start);
        } finally {
            lock.unlock();
        }
    }

    private Summary rebuildAffectedPks(Set<Long> seeds, long start) {
        if (QuarkusTransaction.requiringNew().call(() -> linkKeys.storedVersion() != LinkKeys.VERSION) || reanalysis.stale()) {
            return rebuild(); // keys of another scheme, or facts of older rules: the full pass renews them
        }
        if (seeds.isEmpty()) {
            return Summary.NOTHING;
        }
        // The closure over keys, grown by every message of the stored series it touches (a deletion
        // can leave a stored series spanning what are now separate groups) until nothing is added.
        Set<Long> closure = QuarkusTransaction.requiringNew().call(() -> {
            Set<Long> pks = new HashSet<>(seeds);
            // a new or deleted pull request changes the series of the patches it lists
            pks.addAll(linkKeys.readBy(seeds));
            while (true) {
                Set<Long> closed = linkKeys.closure(pks);
                Set<Long> members = seriesLookups.messagesOfSeries(seriesLookups.seriesTouching(closed, messages.idsOf(closed)));
                if (closed.containsAll(members)) {
                    return closed;
                }
                closed.addAll(members);
                pks = closed;
            }
        });
        int threads = deriveThreads(config.imports().deriveThreads());
        List<List<Long>> parts = closure.size() < config.imports().deriveSplit() || threads == 1
                ? List.of(List.copyOf(closure))
                : QuarkusTransaction.requiringNew().call(() -> linkKeys.componentsAmong(closure, threads));
        LOG.infof("%d changed messages reach %d messages in %d part(s) (%d ms)", seeds.size(), closure.size(),
                parts.size(), (System.nanoTime() - start) / 1_000_000);
        return rebuildChunks(parts, false, start);
    }

    /** Derives and reconciles each group of messages in a transaction of its own; sums what they did. */
    private Summary rebuildChunks(List<List<Long>> chunks, boolean dropTheRest, long start) {
        int[] sums = new int[9];
        Set<Long> touched = ConcurrentHashMap.newKeySet();
        Set<Long> dropped = ConcurrentHashMap.newKeySet();
        Classifier classifier = new Classifier(rules.load());
        BotChecks bots = new BotChecks(checkRules.load());
        for (Summary s : deriveGroups(chunks, classifier, bots, dropTheRest ? touched : null, dropped)) {
            add(sums, s);
        }
        if (dropTheRest) {
            Summary s = QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
                List<Long> rest = seriesLookups.allSeriesIds().stream().filter(id -> !touched.contains(id)).toList();
                SeriesWriter.Written stats = writer.write(List.of(), Map.of(), Map.of(), rest);
                dropped.addAll(documents.forget(rest));
                return new Summary(0, 0, 0, 0, 0, 0, 0, stats.deleted(), stats.events(), 0);
            });
            add(sums, s);
        }
        // the words q= searches: cover letters and commit messages of the patches the groups now have
        if (dropTheRest) {
            QuarkusTransaction.requiringNew().timeout(3600).call(searchIndex::catchUp);
        } else {
            // a derivation of some groups adds patches and cover letters among their messages only
            List<Long> among = chunks.stream().flatMap(List::stream).toList();
            QuarkusTransaction.requiringNew().timeout(3600).call(() -> searchIndex.catchUp(among));
        }
        QuarkusTransaction.requiringNew().timeout(3600).run(statsSummary::refresh);
        if (!dropped.isEmpty()) {
            // someone had asked for these: the API renders them again now rather than at the next request
            documentsDropped.fireAsync(new DocumentsDropped(List.copyOf(dropped)));
        }
        meters.derived(dropTheRest, System.nanoTime() - start);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Summary summary = new Summary(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8], millis);
        LOG.infof("series derived from %d messages in %d group(s): %d series, %d revisions; wrote %d series, %d revisions,"
                        + " %d patches, %d trailers; deleted %d rows in %d ms", summary.messages(), chunks.size(),
                summary.series(), summary.revisions(), summary.seriesWritten(), summary.revisionsWritten(),
                summary.patchesWritten(), summary.trailersWritten(), summary.deleted(), millis);
        return summary;
    }

    /**
     * Each list of groups in a transaction of its own, side by side on up to derive-threads threads
     * (the lists share no key and no stored series, so the order they commit in changes nothing); what
     * each did, in the order given. The first failure ends the pass once the lists under way are done.
     */
    private List<Summary> deriveGroups(List<List<Long>> chunks, Classifier classifier, BotChecks bots, Set<Long> touched,
                                       Set<Long> dropped) {
        int threads = Math.min(chunks.size(), deriveThreads(config.imports().deriveThreads()));
        if (threads <= 1) {
            List<Summary> out = new ArrayList<>();
            for (List<Long> chunk : chunks) {
                out.add(deriveGroup(chunk, classifier, bots, touched, dropped));
            }
            return out;
        }
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "patchtrack-derive-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Summary>> futures = new ArrayList<>();
            for (List<Long> chunk : chunks) {
                futures.add(pool.submit(() -> deriveGroup(chunk, classifier, bots, touched, dropped)));
            }
            List<Summary> out = new ArrayList<>();
            for (Future<Summary> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(false));
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(other -> other.cancel(true));
                    throw new IllegalStateException("derivation interrupted", e);
                }
            }
            return out;
        } finally {
            // none outlives the pass: a failure waits for the lists under way (each commits or rolls back)
            pool.shutdown();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The derive-threads setting, or one per core but one, 1 to 4: each derivation keeps a database
     * backend about as busy as itself (on 2 cores, two side by side measured no faster than one).
     */
    static int deriveThreads(java.util.OptionalInt setting) {
        return setting.orElse(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)));
    }

    /**
     * One group in a transaction of its own. Another instance deriving the same series at the same time
     * (each after its own import) can write a revision first; the group that then meets its key lost a
     * race, and runs again: it finds the other's rows and reconciles with them.
     */
    private Summary deriveGroup(List<Long> chunk, Classifier classifier, BotChecks bots, Set<Long> touched,
                                Set<Long> dropped) {
        for (int attempt = 1; ; attempt++) {
            Set<Long> seen = touched == null ? null : new HashSet<>();
            Set<Long> forgotten = new HashSet<>();
            try {
                Summary s = QuarkusTransaction.requiringNew().timeout(3600).call(() -> rebuildInTransaction(chunk,
                        classifier, bots, seen, forgotten));
                if (touched != null) {
                    touched.addAll(seen);
                }
                dropped.addAll(forgotten);
                return s;
            } catch (RuntimeException e) {
                if (!Conflict.is(e) || attempt >= ImportService.RACE_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("deriving a group of %d messages lost a race with another instance (attempt %d of %d): %s",
                        chunk.size(), attempt, ImportService.RACE_ATTEMPTS, e.toString());
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(20, 100L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void add(int[] sums, Summary s) {
        int[] v = {s.messages(), s.series(), s.revisions(), s.seriesWritten(), s.revisionsWritten(), s.patchesWritten(),
                s.trailersWritten(), s.deleted(), s.events()};
        for (int i = 0; i < v.length; i++) {
            sums[i] += v[i];
        }
    }

    /** Writes every message's keys again when the stored ones follow another key scheme (or none). */
    private void rewriteKeysIfStale() {
        if (linkKeys.storedVersion() == LinkKeys.VERSION) {
            return;
        }
        linkKeys.deleteAll();
        Map<Long, Set<Long>> page = new HashMap<>();
        messages.forEachFacts((pk, f) -> {
            page.put(pk, LinkKeys.of(f));
            if (page.size() >= 2000) {
                linkKeys.insert(page);
                page.clear();
            }
        });
        linkKeys.insert(page);
        linkKeys.setStoredVersion(LinkKeys.VERSION);
    }

    /**
     * One group of messages closed under shared keys: builds its series and makes the stored series
     * that touch it match them.
     *
     * @param touched when not null, gains the ids of the stored series the group now has
     * @param dropped gains the ids of the series whose kept documents it dropped
     */
    private Summary rebuildInTransaction(List<Long> group, Classifier classifier, BotChecks bots, Set<Long> touched,
                                         Set<Long> dropped) {
        Map<String, MailFacts> facts = new HashMap<>();
        Map<String, Long> pks = new HashMap<>();
        messages.forFacts(group, (pk, f) -> {
            facts.put(f.messageId(), f);
            pks.put(f.messageId(), pk);
        });
        // the pull requests outside the group that list its titles (LinkKeys.CONTEXT)
        Map<String, MailFacts> context = new HashMap<>();
        Map<String, Long> known = new HashMap<>(pks);
        messages.forFacts(linkKeys.readersOf(group), (pk, f) -> {
            if (!pks.containsKey(f.messageId())) {
                context.put(f.messageId(), f);
                known.put(f.messageId(), pk);
            }
        });
        Map<Long, String> listNames = new HashMap<>();
        for (MailingList l : lists.all()) {
            listNames.put(l.id, l.name);
        }
        Map<String, List<String>> listsOf = new HashMap<>();
        Map<Long, List<Long>> listsOfMessage = seriesLookups.listsOfMessages(pks.values());
        pks.forEach((id, pk) -> listsOf.put(id, listsOfMessage.getOrDefault(pk, List.of()).stream()
                .map(listNames::get).filter(Objects::nonNull).toList()));
        List<CheckRepository.DerivedRow> derivedChecks = botChecks(bots, facts, pks);
        List<Derived.Series> derived = SeriesDerivation.derive(new SeriesDerivation.Inputs(facts, context, listsOf,
                patchOverrides(pks), treeMatches.refresh(facts, pks).matches(), checksByMessage(pks, derivedChecks),
                classifier));
        Map<String, Long> listIds = new HashMap<>();
        listNames.forEach((id, name) -> listIds.put(name, id));
        int revisions = derived.stream().mapToInt(d -> d.revisions().size()).sum();
        Set<Long> scope = seriesLookups.seriesTouching(group, messages.idsOf(group));
        SeriesWriter.Written stats = writer.write(derived, known, listIds, scope);
        Set<Long> botPks = new HashSet<>();
        facts.forEach((id, f) -> {
            if (f.from() != null && bots.isBot(f.from().email())) {
                botPks.add(pks.get(id));
            }
        });
        int checkEvents = checks.reconcileDerived(botPks, derivedChecks);
        Set<Long> now = seriesLookups.seriesTouching(group, List.of());
        versionChanges.refresh(now, Set.copyOf(stats.posted()));
        // The kept documents of the group's series and messages: a derivation for changed mail drops them
        // (what they show may have changed beyond the derived rows: a reviewer's reply, a reply an article
        // names, the series a reply's thread now has); a full pass only when it wrote something.
        if (touched == null || dataVersion.movedHere()) {
            Set<Long> shown = new HashSet<>(scope);
            shown.addAll(now);
            dropped.addAll(documents.forget(shown));
            documents.forgetMessages(group);
        }
        if (touched != null) {
            touched.addAll(now);
        }
        return new Summary(facts.size(), derived.size(), revisions, stats.series(), stats.revisions(),
                stats.patches(), stats.trailers(), stats.deleted(), stats.events() + checkEvents, 0);
    }

    /**
     * The checks the bots' replies among these messages give, each on the message it replied to when that
     * is stored: derived anew from the raw mail on every pass, so a rule change or a re-import reaches them.
     */
    private List<CheckRepository.DerivedRow> botChecks(BotChecks bots, Map<String, MailFacts> facts,
                                                       Map<String, Long> pks) {
        Map<Long, String> byPk = new HashMap<>();
        facts.forEach((id, f) -> {
            if (f.from() != null && bots.isBot(f.from().email()) && f.parent() != null && pks.containsKey(f.parent())) {
                byPk.put(pks.get(id), id);
            }
        });
        MailParser parser = new MailParser(limits);
        List<CheckRepository.DerivedRow> out = new ArrayList<>();
        messages.rawByPks(byPk.keySet()).forEach((pk, raw) -> {
            ParsedMail mail = parser.parse(raw);
            bots.derive(mail).filter(d -> pks.containsKey(d.target())).ifPresent(d -> out.add(
                    new CheckRepository.DerivedRow(pk, pks.get(d.target()), mail.date(), mail.from().displayName(),
                            d.context(), d.state(), d.targetUrl(), d.description(), d.rule())));
        });
        out.sort(java.util.Comparator.comparing(CheckRepository.DerivedRow::sourcePk));
        return out;
    }

    /** Every check on these messages, by Message-ID, oldest first: those posted and those just derived. */
    private Map<String, List<Checks.Result>> checksByMessage(Map<String, Long> pks,
                                                              List<CheckRepository.DerivedRow> derived) {
        Map<Long, String> idOf = new HashMap<>();
        pks.forEach((id, pk) -> idOf.put(pk, id));
        record Dated(Instant at, long pk, Checks.Result result) {
        }
        List<Dated> all = new ArrayList<>();
        checks.ofMessages(pks.values()).forEach((pk, list) -> list.stream().filter(c -> c.sourceMessagePk == null)
                .forEach(c -> all.add(new Dated(c.createdAt, pk, new Checks.Result(c.context, c.state, c.description)))));
        derived.forEach(d -> all.add(new Dated(d.date() == null ? Instant.EPOCH : d.date(), d.targetPk(),
                new Checks.Result(d.context(), d.state(), d.description()))));
        all.sort(java.util.Comparator.comparing(Dated::at));
        Map<String, List<Checks.Result>> out = new HashMap<>();
        all.forEach(d -> out.computeIfAbsent(idOf.get(d.pk()), k -> new ArrayList<>()).add(d.result()));
        return out;
    }

    private Map<String, SeriesDerivation.PatchOverride> patchOverrides(Map<String, Long> pks) {
        Map<Long, String> idOf = new HashMap<>();
        pks.forEach((id, pk) -> idOf.put(pk, id));
        Map<String, SeriesDerivation.PatchOverride> out = new HashMap<>();
        overrides.patchOverridesByMessage().forEach((pk, o) -> {
            if (idOf.containsKey(pk)) {
                out.put(idOf.get(pk), new SeriesDerivation.PatchOverride(o.state, o.setBy, o.note));
            }
        });
        return out;
    }
}
