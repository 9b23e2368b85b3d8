package dev.patchtrack.ingest.tree;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.maintainers.Maintainers;
import dev.patchtrack.core.maintainers.Maintainers.Listed;
import dev.patchtrack.core.maintainers.Reviewers;
import dev.patchtrack.core.maintainers.Reviewers.Reviewer;
import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.model.FileChange;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.ingest.tree.TreeService.TreeException;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.ReviewerReads;
import dev.patchtrack.store.ReviewerReads.Posting;
import dev.patchtrack.store.ReviewerReads.Threads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jboss.logging.Logger;

/**
 * Who still has to review: the maintainers and reviewers that the {@code MAINTAINERS} file of the tree
 * named by {@code patchtrack.maintainers.tree}, at the head of its first branch, lists for the paths and
 * words of each revision's patches, and whether they have answered. The file is read once per commit;
 * what it lists for a revision is kept per commit and the Message-IDs of the revision's postings, as
 * their text does not change.
 */
@ApplicationScoped
public class ReviewerService {

    private static final Logger LOG = Logger.getLogger(ReviewerService.class);
    private static final int MAX_CACHED = 20_000;
    /** Patches whose text is read at once, to bound memory. */
    private static final int TEXT_BATCH = 200;

    /**
     * Where the lists come from, or why there are none.
     *
     * @param file   the file read, null when there is none; then {@code note} says why
     * @param note   {@code MAINTAINERS of test/linux master at 0123456789ab}, or the reason there is no file
     * @param commit the head commit read
     */
    public record Source(Maintainers file, String note, String commit) {
    }

    /** The reviewers of revisions, by revision id; null when there is no MAINTAINERS to read. */
    public record Result(Source source, Map<Long, List<Reviewer>> byRevision) {
    }

    /** An open revision that waits on someone. */
    public record Waiting(Posting posting, Instant lastActivity, List<Reviewer> reviewers) {
    }

    /** The open revisions waiting on a person, newest activity first; null {@code items} when nothing can be known. */
    public record Todo(Source source, List<Waiting> items) {
    }

    @Inject
    PatchtrackConfig config;

    @Inject
    TreeService trees;

    @Inject
    ReviewerReads reads;

    @Inject
    MessageRepository messages;

    @Inject
    MailLimits limits;

    private final Map<String, Optional<Maintainers>> byCommit = new ConcurrentHashMap<>();
    private final Map<String, List<Listed>> listed = new ConcurrentHashMap<>();

    /** The MAINTAINERS file at the configured tree's head, or why there is none. */
    public Source source() {
        Map<String, PatchtrackConfig.Tree> configured = trees.configured();
        String name = config.maintainers().tree().map(String::strip).filter(n -> !n.isEmpty())
                .orElse(configured.size() == 1 ? configured.keySet().iterator().next() : null);
        if (name == null) {
            return new Source(null, configured.isEmpty() ? "no tree is configured (patchtrack.trees.*)"
                    : "no tree is chosen for MAINTAINERS (patchtrack.maintainers.tree)", null);
        }
        PatchtrackConfig.Tree t = configured.get(name);
        if (t == null) {
            return new Source(null, "patchtrack.maintainers.tree names " + name + ", which is no enabled tree", null);
        }
        try (Repository repo = trees.onDisk(name, t)) {
            String branch = t.branches().flatMap(b -> b.stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst())
                    .orElse(null);
            if (branch == null) {
                try (TreeWalker w = new TreeWalker(name, repo)) {
                    branch = w.defaultBranch();
                }
            }
            ObjectId head = repo.resolve(Constants.R_HEADS + branch);
            if (head == null) {
                return new Source(null, "tree " + name + " has no branch " + branch, null);
            }
            String at = name + " " + branch + " at " + head.name().substring(0, 12);
            Optional<Maintainers> file = byCommit.get(head.name());
            if (file == null) {
                file = read(repo, head);
                if (byCommit.size() > 16) {
                    byCommit.clear();
                }
                byCommit.put(head.name(), file);
            }
            return file.map(f -> new Source(f, "MAINTAINERS of " + at, head.name()))
                    .orElseGet(() -> new Source(null, "no MAINTAINERS in " + at, head.name()));
        } catch (TreeException | IOException | RuntimeException e) {
            LOG.debugf(e, "MAINTAINERS of %s", name);
            return new Source(null, "tree " + name + " cannot be read: " + e.getMessage(), null);
        }
    }

    private static Optional<Maintainers> read(Repository repo, ObjectId head) throws IOException {
        try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevTree tree = walk.parseCommit(head).getTree();
            String text = RustReleaseReader.text(reader, tree, "MAINTAINERS");
            if (text == null) {
                return Optional.empty();
            }
            return Optional.of(Maintainers.parse(text, path -> {
                try (TreeWalk w = TreeWalk.forPath(reader, path, tree)) {
                    return w != null && w.getFileMode(0) == FileMode.TREE;
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }));
        }
    }

    /** The reviewers of these revisions. */
    @Transactional
    public Result reviewers(Collection<Long> revisionIds) {
        Source source = source();
        if (source.file() == null) {
            return new Result(source, null);
        }
        return new Result(source, compute(source, reads.postings(revisionIds), null));
    }

    /** The open revisions that wait on this address (listed for them, no trailer or reply yet), newest activity first. */
    @Transactional
    public Todo todo(String address) {
        Source source = source();
        if (source.file() == null) {
            return new Todo(source, null);
        }
        List<String> closed = Arrays.stream(ReviewState.values()).filter(s -> !s.open()).map(ReviewState::wireName).toList();
        Map<Long, Posting> postings = reads.postings(reads.revisionsNotIn(closed));
        Map<Long, Threads> threads = new HashMap<>();
        Map<Long, List<Reviewer>> all = compute(source, postings, threads);
        List<Waiting> out = new ArrayList<>();
        all.forEach((id, reviewers) -> {
            if (Reviewers.waitsOn(reviewers, address)) {
                Posting p = postings.get(id);
                Threads t = threads.get(id);
                out.add(new Waiting(p, t == null || t.lastActivity() == null ? p.postedAt() : t.lastActivity(), reviewers));
            }
        });
        out.sort(Comparator.comparing(Waiting::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(w -> -w.posting().revisionId()));
        return new Todo(source, out);
    }

    private Map<Long, List<Reviewer>> compute(Source source, Map<Long, Posting> postings, Map<Long, Threads> threadsOut) {
        Map<Long, Set<String>> trailers = reads.trailerGivers(postings.keySet(), Reviewers.REVIEW_TRAILERS);
        Map<Long, Threads> threads = reads.threads(postings.values());
        if (threadsOut != null) {
            threadsOut.putAll(threads);
        }
        Map<Long, List<Listed>> lists = listed(source, postings.values());
        Map<Long, List<Reviewer>> out = new LinkedHashMap<>();
        for (Posting p : postings.values()) {
            Threads t = threads.get(p.revisionId());
            out.put(p.revisionId(), Reviewers.of(lists.getOrDefault(p.revisionId(), List.of()), p.authors(),
                    trailers.getOrDefault(p.revisionId(), Set.of()), t == null ? Set.of() : t.senders()));
        }
        return out;
    }

    /** What the file lists for each revision: from its patches' paths (facts) and text (the raw mail, parsed). */
    private Map<Long, List<Listed>> listed(Source source, Collection<Posting> postings) {
        Map<Long, List<Listed>> out = new HashMap<>();
        List<Posting> todo = new ArrayList<>();
        for (Posting p : postings) {
            List<Listed> l = listed.get(key(source, p));
            if (l != null) {
                out.put(p.revisionId(), l);
            } else {
                todo.add(p);
            }
        }
        MailParser parser = new MailParser(limits);
        List<Posting> batch = new ArrayList<>();
        int patches = 0;
        for (int i = 0; i < todo.size(); i++) {
            batch.add(todo.get(i));
            patches += todo.get(i).patchPks().size();
            if (patches >= TEXT_BATCH || i == todo.size() - 1) {
                List<Long> pks = batch.stream().flatMap(p -> p.patchPks().stream()).toList();
                Map<Long, Set<String>> files = new HashMap<>();
                messages.forFacts(pks, (pk, facts) -> files.put(pk, paths(facts)));
                Map<Long, byte[]> raws = messages.rawByPks(pks);
                for (Posting p : batch) {
                    Set<String> paths = new LinkedHashSet<>();
                    StringBuilder text = new StringBuilder();
                    for (Long pk : p.patchPks()) {
                        paths.addAll(files.getOrDefault(pk, Set.of()));
                        byte[] raw = raws.get(pk);
                        if (raw != null) {
                            ParsedMail m = parser.parse(raw);
                            text.append("Subject: ").append(m.subject()).append('\n').append(m.body()).append('\n');
                        }
                    }
                    List<Listed> l = source.file().listed(paths, text.toString());
                    if (listed.size() > MAX_CACHED) {
                        listed.clear();
                    }
                    listed.put(key(source, p), l);
                    out.put(p.revisionId(), l);
                }
                batch.clear();
                patches = 0;
            }
        }
        return out;
    }

    /** The files a patch touches, both names of a rename. */
    private static Set<String> paths(MailFacts facts) {
        if (facts.diff() == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (FileChange f : facts.diff().files()) {
            if (f.oldPath() != null) {
                out.add(f.oldPath());
            }
            if (f.newPath() != null) {
                out.add(f.newPath());
            }
        }
        return out;
    }

    private static String key(Source source, Posting p) {
        return source.commit() + "\n" + String.join("\n", p.messageIds());
    }
}
