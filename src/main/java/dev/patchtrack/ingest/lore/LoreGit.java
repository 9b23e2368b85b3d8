package dev.patchtrack.ingest.lore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.ingest.MailFeed;
import dev.patchtrack.ingest.http.FetchException;
import dev.patchtrack.ingest.http.GitMirrors;
import dev.patchtrack.ingest.http.HttpFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jboss.logging.Logger;

/**
 * git mode: public-inbox v2 epochs ({@code BASE/INBOX/0}, {@code /1}, ...) mirrored with JGit. The
 * cursor of epoch N ({@code epoch/N}) is the last commit walked; only commits after it are read.
 * Blob {@code m} is a message, blob {@code d} a deletion. Older epochs whose manifest fingerprint has
 * not changed since they were last walked to the end ({@code fingerprint/N}) are not fetched again.
 * A first sync with a history window fetches only the newest epoch and skips its messages older than
 * the window; {@code history/epoch} keeps the older epochs out of later syncs too.
 */
@ApplicationScoped
public class LoreGit {

    private static final Logger LOG = Logger.getLogger(LoreGit.class);
    private static final Pattern EPOCH = Pattern.compile("/git/(\\d+)\\.git$");
    /** The oldest epoch read, when a first sync with a history window left the older ones out. */
    static final String HISTORY_EPOCH = "history/epoch";

    @Inject
    HttpFetcher http;

    @Inject
    PatchtrackConfig config;

    public SourceReader open(SourceSpec spec, Map<String, String> cursors) throws IOException {
        TreeMap<Integer, String> epochs = discover(spec);
        LOG.infof("%s: %d epoch(s) upstream: %s", spec.name(), epochs.size(), epochs.keySet());
        Deque<Integer> todo = new ArrayDeque<>();
        int newest = epochs.lastKey();
        boolean first = cursors.keySet().stream().noneMatch(k -> k.startsWith("epoch/") || k.equals(HISTORY_EPOCH));
        Deque<MailFeed.Item> opening = new ArrayDeque<>();
        java.time.Instant from = null;
        int oldestRead = 0;
        if (first && spec.from() != null) {
            from = spec.from();
            oldestRead = newest;
            opening.add(MailFeed.Item.cursorOnly(HISTORY_EPOCH, String.valueOf(newest)));
            LOG.infof("%s: first sync reads epoch %d from %s on; older epochs are not fetched", spec.name(), newest, from);
        } else if (cursors.containsKey(HISTORY_EPOCH)) {
            oldestRead = Integer.parseInt(cursors.get(HISTORY_EPOCH));
        }
        for (Map.Entry<Integer, String> e : epochs.entrySet()) {
            if (e.getKey() < oldestRead) {
                continue; // before the history the source's first sync read
            }
            // The newest epoch is always fetched: new mail and deletions land there, and public-inbox
            // caches the manifest, so its fingerprint can lag behind the repository.
            String fp = e.getValue();
            boolean unchanged = e.getKey() != newest && fp != null && fp.equals(cursors.get("fingerprint/" + e.getKey()));
            if (!unchanged) {
                todo.add(e.getKey());
            }
        }
        return new Reader(spec, cursors, epochs, todo, opening, from);
    }

    /** Epoch number to manifest fingerprint (null when probed). */
    TreeMap<Integer, String> discover(SourceSpec spec) throws IOException {
        TreeMap<Integer, String> epochs = new TreeMap<>();
        HttpFetcher.Response r = http.get(spec.uri("manifest.js.gz"), Map.of());
        if (r.status() == 200) {
            try (java.io.InputStream in = http.documentStream(new GZIPInputStream(new ByteArrayInputStream(r.body())),
                    r.uri() + " decompressed")) {
                JsonNode json = new ObjectMapper().readTree(in);
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Matcher m = EPOCH.matcher(e.getKey());
                    if (m.find() && e.getKey().startsWith("/" + spec.inbox() + "/")) {
                        JsonNode fp = e.getValue().get("fingerprint");
                        epochs.put(Integer.parseInt(m.group(1)), fp == null || fp.isNull() ? null : fp.asText());
                    }
                }
            } catch (IOException e) {
                LOG.warnf("%s: manifest unreadable (%s); probing epochs", spec.name(), e.toString());
                epochs.clear();
            }
        }
        if (epochs.isEmpty()) {
            for (int n = 0; n < 1000; n++) {
                HttpFetcher.Response p = http.get(spec.uri(n + "/info/refs?service=git-upload-pack"), Map.of());
                if (p.status() != 200) {
                    break;
                }
                epochs.put(n, null);
            }
        }
        if (epochs.isEmpty()) {
            throw new FetchException(spec.uri("") + ": no git epochs (manifest " + r.status() + ")", r.status(), null);
        }
        return epochs;
    }

    private Repository mirror(SourceSpec spec, int epoch) throws IOException {
        Path dir = Path.of(config.sync().gitDir()).toAbsolutePath().resolve(spec.name()).resolve(epoch + ".git");
        URI url = spec.uri(String.valueOf(epoch));
        http.checkAllowed(url);
        Git git = GitMirrors.openBare(dir, http);
        int timeout = (int) Math.max(1, config.http().requestTimeout().toSeconds());
        long t0 = System.nanoTime();
        http.retrying("git fetch " + url, attempt -> {
            try {
                git.fetch().setRemote(url.toString()).setTimeout(timeout)
                        .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*")).call();
                return null;
            } catch (GitAPIException | RuntimeException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
        LOG.infof("%s: fetched epoch %d from %s in %d ms", spec.name(), epoch, url, (System.nanoTime() - t0) / 1_000_000);
        return git.getRepository();
    }

    private final class Reader implements SourceReader {
        private final SourceSpec spec;
        private final Map<String, String> cursors;
        private final Map<Integer, String> fingerprints;
        private final Deque<Integer> todo;
        private Repository repo;
        private RevWalk walk;
        private int epoch;
        private boolean pendingFingerprint;
        private final Deque<MailFeed.Item> opening;
        private final java.time.Instant from;

        Reader(SourceSpec spec, Map<String, String> cursors, Map<Integer, String> fingerprints, Deque<Integer> todo,
               Deque<MailFeed.Item> opening, java.time.Instant from) {
            this.spec = spec;
            this.cursors = cursors;
            this.fingerprints = fingerprints;
            this.todo = todo;
            this.opening = opening;
            this.from = from;
        }

        @Override
        public MailFeed.Item next() throws IOException {
            if (!opening.isEmpty()) {
                return opening.poll();
            }
            while (true) {
                if (walk == null) {
                    if (todo.isEmpty()) {
                        return null;
                    }
                    openEpoch(todo.poll());
                }
                RevCommit c = walk.next();
                if (c == null) {
                    closeEpoch();
                    String fp = fingerprints.get(epoch);
                    if (fp != null && pendingFingerprint) {
                        pendingFingerprint = false;
                        return MailFeed.Item.cursorOnly("fingerprint/" + epoch, fp);
                    }
                    continue;
                }
                String key = "epoch/" + epoch;
                if (from != null && c.getAuthorIdent().getWhenAsInstant().isBefore(from)) {
                    return MailFeed.Item.cursorOnly(key, c.name()); // older than the first sync's history window
                }
                try (TreeWalk m = TreeWalk.forPath(repo, "m", c.getTree())) {
                    if (m != null) {
                        return MailFeed.Item.mail(repo.open(m.getObjectId(0)).getBytes(), key, c.name());
                    }
                }
                try (TreeWalk d = TreeWalk.forPath(repo, "d", c.getTree())) {
                    if (d != null) {
                        byte[] raw = repo.open(d.getObjectId(0)).getBytes();
                        return new MailFeed.Item(raw, -1, java.util.List.of(), true, key, c.name());
                    }
                }
                return MailFeed.Item.cursorOnly(key, c.name());
            }
        }

        private void openEpoch(int n) throws IOException {
            epoch = n;
            repo = mirror(spec, n);
            walk = new RevWalk(repo);
            ObjectId head = repo.resolve("refs/heads/master");
            if (head == null) {
                head = repo.resolve("HEAD");
            }
            if (head == null) {
                closeEpoch();
                walk = null;
                return;
            }
            walk.markStart(walk.parseCommit(head));
            String cursor = cursors.get("epoch/" + n);
            if (cursor != null) {
                ObjectId seen = ObjectId.fromString(cursor);
                if (repo.getObjectDatabase().has(seen)) {
                    walk.markUninteresting(walk.parseCommit(seen));
                } else {
                    LOG.warnf("%s: cursor %s of epoch %d is not upstream any more; reading the epoch again",
                            spec.name(), cursor, n);
                }
            }
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            pendingFingerprint = true;
        }

        private void closeEpoch() {
            if (walk != null) {
                walk.close();
                walk = null;
            }
            if (repo != null) {
                repo.close();
                repo = null;
            }
        }

        @Override
        public void close() {
            closeEpoch();
        }
    }
}
