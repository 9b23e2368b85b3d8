package dev.patchtrack.ingest.tree;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.ingest.SeriesRebuilder;
import dev.patchtrack.ingest.SyncService;
import dev.patchtrack.ingest.http.GitMirrors;
import dev.patchtrack.ingest.http.HttpFetcher;
import dev.patchtrack.core.rust.RustRelease;
import dev.patchtrack.store.RustReleaseRepository;
import dev.patchtrack.store.TreeRepository;
import dev.patchtrack.store.TreeRepository.TreeRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.jboss.logging.Logger;

/**
 * Scans the configured git trees ({@code patchtrack.trees.<name>.*}) for the commits they carry and marks
 * the patches found among them accepted. A scan holds its tree's lease, so with several instances each
 * tree is scanned by one at a time; it reads only the commits after the last tips it scanned, and walks
 * only release tags that are new. When the matches change, series are rebuilt.
 */
@ApplicationScoped
public class TreeService {

    private static final Logger LOG = Logger.getLogger(TreeService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    /**
     * What one scan did.
     *
     * @param tree           the tree
     * @param added          commits recorded
     * @param walked         commits read on the branches (merges included)
     * @param tagged         stored commits whose first release tag changed
     * @param matchesChanged patches whose match changed
     * @param rebuilt        series were rebuilt
     * @param releasesRead   release tags whose Rust state was read (new or moved tags)
     * @param skipped        another instance holds the tree
     * @param tips           branch tips scanned
     * @param millis         wall time
     * @param error          why it failed, null when it did not
     */
    public record Scan(String tree, int added, int walked, int tagged, int matchesChanged, boolean rebuilt,
                       int releasesRead, boolean skipped, Map<String, String> tips, long millis, String error) {
    }

    /** A configuration or repository problem with one tree. */
    public static final class TreeException extends Exception {
        public TreeException(String message) {
            super(message);
        }
    }

    @Inject
    PatchtrackConfig config;

    @Inject
    TreeRepository trees;

    @Inject
    TreeMatches matches;

    @Inject
    RustReleaseRepository releases;

    @Inject
    SeriesRebuilder rebuilder;

    @Inject
    HttpFetcher http;

    @Inject
    SyncService sync;

    /** The configured trees that are enabled, by name. */
    public Map<String, PatchtrackConfig.Tree> configured() {
        Map<String, PatchtrackConfig.Tree> out = new TreeMap<>();
        config.trees().forEach((name, t) -> {
            if (t.enabled()) {
                out.put(name, t);
            }
        });
        return out;
    }

    /** Scans every tree whose schedule is due (the scheduled tick). */
    public List<Scan> runDue() {
        List<Scan> out = new ArrayList<>();
        Instant now = Instant.now();
        Map<String, TreeRow> rows = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> trees.all().forEach(r -> rows.put(r.name(), r)));
        configured().forEach((name, t) -> {
            TreeRow r = rows.get(name);
            if (r == null || r.lastScanAt() == null || !now.isBefore(r.lastScanAt().plus(t.schedule()))) {
                out.add(scan(name));
            }
        });
        return out;
    }

    /** Scans one tree now. Never throws for a bad tree: the result and the tree's row carry the error. */
    public Scan scan(String name) {
        long t0 = System.nanoTime();
        PatchtrackConfig.Tree t = configured().get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tree '" + name + "' is configured (patchtrack.trees." + name + ".url)");
        }
        String owner = sync.instance();
        long lease = config.sync().lease().toMillis();
        TreeRow row = QuarkusTransaction.requiringNew().call(() -> {
            TreeRow r = trees.ensure(name, t.url());
            Instant now = Instant.now();
            return trees.acquireLease(r.id(), owner, now, now.plusMillis(lease)) ? r : null;
        });
        if (row == null) {
            LOG.infof("tree %s: skipped, another instance is scanning it", name);
            return new Scan(name, 0, 0, 0, 0, false, 0, true, Map.of(), 0, null);
        }
        int[] added = {0};
        int tagged = 0;
        int walked = 0;
        int read = 0;
        String error = null;
        Map<String, String> tips = Map.of();
        try (Repository repo = repository(name, t); TreeWalker walker = new TreeWalker(name, repo)) {
            Map<String, String> oldTips = QuarkusTransaction.requiringNew().call(() -> trees.refs(row.id(), "branch"));
            Map<String, String> oldTags = QuarkusTransaction.requiringNew().call(() -> trees.refs(row.id(), "tag"));
            List<String> branches = t.branches().filter(b -> !b.isEmpty()).orElse(List.of(walker.defaultBranch()));
            long[] lastLog = {System.nanoTime()};
            TreeWalker.Result r = walker.scan(branches, t.tagPattern(), since(name, t), oldTips, oldTags, batch -> {
                added[0] += QuarkusTransaction.requiringNew().call(() -> {
                    trees.lease(row.id(), owner, Instant.now().plusMillis(lease));
                    return trees.insertCommits(row.id(), batch);
                });
                long now = System.nanoTime();
                if (now - lastLog[0] > 5_000_000_000L) {
                    lastLog[0] = now;
                    double secs = (now - t0) / 1e9;
                    LOG.infof("tree %s: %,d commits recorded in %.0f s (%.0f/s)", name, added[0], secs, added[0] / secs);
                }
            });
            tagged = QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
                int n = trees.setFirstTags(row.id(), r.firstTags());
                trees.saveRefs(row.id(), "branch", r.tips());
                trees.saveRefs(row.id(), "tag", r.tags());
                return n;
            });
            walked = r.walked();
            tips = r.tips();
            read = rustReleases(name, row.id(), repo, r.tags());
        } catch (TreeException | IOException | RuntimeException | Error e) {
            dev.patchtrack.ingest.Fatal.exitIfOutOfMemory(e);
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warnf("tree %s: scan failed: %s", name, error);
        }
        int changed = 0;
        boolean rebuilt = false;
        if (added[0] > 0 || tagged > 0) {
            try {
                changed = matches.refreshAll();
                if (changed > 0 || tagged > 0 && hasMatches(row.id())) {
                    rebuilder.rebuild();
                    rebuilt = true;
                }
            } catch (RuntimeException e) {
                error = error == null ? "matching failed: " + e : error;
            }
        }
        String err = error;
        int commits = added[0];
        int releases = read;
        QuarkusTransaction.requiringNew().run(() -> {
            trees.scanned(row.id(), Instant.now(), err, commits);
            trees.lease(row.id(), owner, null);
        });
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.infof("tree %s: %,d commits read, %,d recorded, %,d first tags set, %,d matches changed%s, Rust state of %,d"
                + " releases read in %d ms", name, walked, commits, tagged, changed, rebuilt ? ", series rebuilt" : "", releases, millis);
        return new Scan(name, commits, walked, tagged, changed, rebuilt, releases, false, tips, millis, err);
    }

    /**
     * Reads where Rust stands at each release tag that is new or moved since it was last read, and forgets
     * the tags the tree no longer has. One transaction per tag, so a long first scan keeps what it read.
     */
    private int rustReleases(String name, long treeId, Repository repo, Map<String, String> tags) throws IOException {
        Map<String, String> stored = QuarkusTransaction.requiringNew().call(() -> releases.stored(treeId));
        RustReleaseReader reader = new RustReleaseReader(repo);
        int read = 0;
        long t0 = System.nanoTime();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getValue().equals(stored.get(e.getKey()))) {
                continue;
            }
            RustRelease r = reader.read(e.getKey(), e.getValue());
            QuarkusTransaction.requiringNew().run(() -> releases.save(treeId, r));
            read++;
            if (read % 10 == 0) {
                LOG.infof("tree %s: Rust state of %,d releases read (%s) in %.0f s", name, read, e.getKey(),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        List<String> gone = stored.keySet().stream().filter(t -> !tags.containsKey(t)).toList();
        if (!gone.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> releases.delete(treeId, gone));
        }
        return read;
    }

    private boolean hasMatches(long treeId) {
        return QuarkusTransaction.requiringNew().call(() -> trees.matches().values().stream()
                .anyMatch(m -> m.treeId() == treeId));
    }

    private static Instant since(String name, PatchtrackConfig.Tree t) throws TreeException {
        if (t.since().isEmpty() || t.since().get().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(t.since().get().strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new TreeException("patchtrack.trees." + name + ".since: not a date (YYYY-MM-DD): " + t.since().get());
        }
    }

    /** The tree's repository: a local one opened in place, or a remote one fetched into the git directory. */
    Repository repository(String name, PatchtrackConfig.Tree t) throws TreeException, IOException {
        if (!NAME.matcher(name).matches()) {
            throw new TreeException("patchtrack.trees." + name + ": a tree name is letters, digits, '.', '_', '-' and '/'");
        }
        String url = t.url().strip();
        if (url.isEmpty()) {
            throw new TreeException("patchtrack.trees." + name + ".url is empty");
        }
        if (remote(url)) {
            return mirror(name, url);
        }
        Path path = Path.of(url).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new TreeException("patchtrack.trees." + name + ".url: " + path + " does not exist");
        }
        FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true);
        b.setGitDir(Files.isDirectory(path.resolve(Constants.DOT_GIT)) ? path.resolve(Constants.DOT_GIT).toFile() : path.toFile());
        try {
            Repository repo = b.build();
            if (!repo.getObjectDatabase().exists()) {
                repo.close();
                throw new TreeException("patchtrack.trees." + name + ".url: " + path + " is not a git repository");
            }
            return repo;
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            throw new TreeException("patchtrack.trees." + name + ".url: " + path + " is not a git repository");
        }
    }

    /**
     * The tree's repository as this machine has it, never fetched: a local one in place, a remote one's
     * mirror once a scan has fetched it.
     */
    Repository onDisk(String name, PatchtrackConfig.Tree t) throws TreeException, IOException {
        String url = t.url().strip();
        if (!remote(url)) {
            return repository(name, t);
        }
        Path dir = mirrorDir(name);
        if (!Files.isDirectory(dir)) {
            throw new TreeException("tree " + name + " has not been fetched yet (POST /api/trees/" + name + "/scan)");
        }
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }

    /** A URL to fetch from rather than a path on this machine. */
    private static boolean remote(String url) {
        return url.contains("://") || url.matches("[\\w.-]+@[\\w.-]+:.*");
    }

    private Path mirrorDir(String name) {
        return Path.of(config.sync().gitDir()).toAbsolutePath().resolve("trees").resolve(name + ".git");
    }

    private Repository mirror(String name, String url) throws TreeException, IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new TreeException("patchtrack.trees." + name + ".url: not a URL: " + url);
        }
        if (!http.allowed(uri)) {
            throw new TreeException("patchtrack.trees." + name + ".url: " + url
                    + " is not http(s) on an allowed host (patchtrack.http.allowed-hosts)");
        }
        Git git = GitMirrors.openBare(mirrorDir(name), http);
        int timeout = (int) Math.max(1, config.http().requestTimeout().toSeconds());
        long t0 = System.nanoTime();
        FetchResult fetched = http.retrying("git fetch " + url, attempt -> {
            try {
                return git.fetch().setRemote(url).setTimeout(timeout).setRefSpecs(
                        new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*")).call();
            } catch (GitAPIException | RuntimeException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
        Ref head = fetched.getAdvertisedRef(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            RefUpdate u = git.getRepository().updateRef(Constants.HEAD);
            u.link(head.getTarget().getName());
        }
        LOG.infof("tree %s: fetched %s in %d ms", name, url, (System.nanoTime() - t0) / 1_000_000);
        return git.getRepository();
    }
}
