package dev.patchtrack.ingest.tree;

import dev.patchtrack.core.patch.PatchId;
import dev.patchtrack.core.tree.TagOrder;
import dev.patchtrack.core.tree.TreeCommit;
import dev.patchtrack.core.tree.TreeMatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;

/**
 * Reads one git repository: the commits of its branches since the last tips, each with its stable
 * patch-id, subject, author and Link: trailers, and the first release tag of each commit. No database
 * here; the caller stores what it is given.
 */
public final class TreeWalker implements AutoCloseable {

    /** Commits handed to the sink at a time. */
    static final int BATCH = 1000;

    /**
     * What a scan found.
     *
     * @param tips      branch name to the tip scanned
     * @param tags      release tags, in version order, to their commits
     * @param firstTags tag to the commits it is the first release of, for every tag walked (from the first
     *                  tag that is new or moved since the last scan)
     * @param walked    commits read on the branches (merges included)
     */
    public record Result(Map<String, String> tips, Map<String, String> tags, Map<String, List<String>> firstTags,
                         int walked) {
    }

    private final String tree;
    private final Repository repo;
    private final ObjectReader reader;
    private final ByteArrayOutputStream diffOut = new ByteArrayOutputStream(1 << 16);
    private final DiffFormatter diff;

    public TreeWalker(String tree, Repository repo) {
        this.tree = tree;
        this.repo = repo;
        this.reader = repo.newObjectReader();
        this.diff = new DiffFormatter(diffOut);
        diff.setRepository(repo);
        // git's defaults for format-patch: Myers, renames detected, full blob ids for binary files
        diff.setDiffAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.MYERS));
        diff.setDetectRenames(true);
        diff.setAbbreviationLength(Constants.OBJECT_ID_STRING_LENGTH);
    }

    /**
     * Scans {@code branches} from their tips down to {@code oldTips} (everything on the first scan, or
     * back to {@code since}), handing non-merge commits to {@code sink} in batches, and walks the release
     * tags that are new or moved since {@code oldTags}.
     */
    public Result scan(List<String> branches, String tagPattern, Instant since, Map<String, String> oldTips,
                       Map<String, String> oldTags, Consumer<List<TreeCommit>> sink) throws IOException {
        Map<String, String> tags = tags(tagPattern);
        Map<String, List<String>> firstTags = firstTags(tags, oldTags);
        Map<String, String> firstTagOf = new HashMap<>();
        firstTags.forEach((tag, shas) -> shas.forEach(s -> firstTagOf.put(s, tag)));
        Map<String, String> tips = new LinkedHashMap<>();
        int walked = 0;
        for (String branch : branches) {
            ObjectId tip = branchTip(branch);
            tips.put(branch, tip.name());
            String old = oldTips.get(branch);
            if (tip.name().equals(old)) {
                continue;
            }
            try (RevWalk walk = new RevWalk(reader)) {
                walk.markStart(walk.parseCommit(tip));
                if (old != null && reader.has(ObjectId.fromString(old))) {
                    RevObject o = walk.parseAny(ObjectId.fromString(old));
                    if (o instanceof RevCommit c) {
                        walk.markUninteresting(c);
                    }
                }
                if (since != null) {
                    walk.setRevFilter(CommitTimeRevFilter.after(since.toEpochMilli()));
                }
                List<TreeCommit> batch = new ArrayList<>(BATCH);
                for (RevCommit c : walk) {
                    walked++;
                    if (c.getParentCount() > 1) {
                        continue;
                    }
                    batch.add(commit(walk, c, firstTagOf.get(c.name())));
                    if (batch.size() == BATCH) {
                        sink.accept(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                }
            }
        }
        return new Result(tips, tags, firstTags, walked);
    }

    /** The tip of a branch: a local branch, else a remote-tracking one of origin. */
    ObjectId branchTip(String branch) throws IOException {
        for (String name : List.of(Constants.R_HEADS + branch, Constants.R_REMOTES + "origin/" + branch, branch)) {
            Ref ref = repo.exactRef(name);
            if (ref != null && ref.getObjectId() != null) {
                return ref.getObjectId();
            }
        }
        throw new IOException("no branch '" + branch + "' in tree " + tree);
    }

    /** The branch HEAD names, else master. */
    public String defaultBranch() throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        return "master";
    }

    /** Tags matching the pattern, peeled to their commits, in version order. */
    public Map<String, String> tags(String pattern) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, String> commitOf = new HashMap<>();
        try (RevWalk walk = new RevWalk(reader)) {
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                if (!TagOrder.matches(pattern, name) || ref.getObjectId() == null) {
                    continue;
                }
                RevObject o = walk.peel(walk.parseAny(ref.getObjectId()));
                if (o instanceof RevCommit) {
                    names.add(name);
                    commitOf.put(name, o.name());
                }
            }
        }
        names.sort(TagOrder.ORDER);
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, commitOf.get(n)));
        return out;
    }

    /**
     * For each tag from the first one that is new or moved since {@code oldTags}: the commits it is the
     * first release of, that is those its history holds and no earlier tag's does. One walk per tag with
     * every earlier tag uninteresting, so each walk reads about the commits of one release.
     */
    public Map<String, List<String>> firstTags(Map<String, String> tags, Map<String, String> oldTags) throws IOException {
        List<String> names = new ArrayList<>(tags.keySet());
        int from = 0;
        while (from < names.size() && tags.get(names.get(from)).equals(oldTags.get(names.get(from)))) {
            from++;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = from; i < names.size(); i++) {
            List<String> shas = new ArrayList<>();
            try (RevWalk walk = new RevWalk(reader)) {
                walk.markStart(walk.parseCommit(ObjectId.fromString(tags.get(names.get(i)))));
                for (int j = 0; j < i; j++) {
                    walk.markUninteresting(walk.parseCommit(ObjectId.fromString(tags.get(names.get(j)))));
                }
                for (RevCommit c : walk) {
                    shas.add(c.name());
                }
            }
            out.put(names.get(i), shas);
        }
        return out;
    }

    private TreeCommit commit(RevWalk walk, RevCommit c, String firstTag) throws IOException {
        String message = c.getFullMessage();
        return new TreeCommit(tree, c.name(), patchId(walk, c), c.getShortMessage(),
                c.getAuthorIdent() == null ? null : c.getAuthorIdent().getEmailAddress(),
                TreeMatcher.linkedMessageIds(message), Instant.ofEpochSecond(c.getCommitTime()), firstTag);
    }

    /** The stable patch-id of a commit's diff against its first parent (the empty tree for a root commit). */
    String patchId(RevWalk walk, RevCommit c) throws IOException {
        AbstractTreeIterator parent;
        if (c.getParentCount() == 0) {
            parent = new EmptyTreeIterator();
        } else {
            RevCommit p = walk.parseCommit(c.getParent(0));
            parent = new CanonicalTreeParser(null, reader, p.getTree());
        }
        diffOut.reset();
        diff.format(parent, new CanonicalTreeParser(null, reader, walk.parseCommit(c).getTree()));
        diff.flush();
        return PatchId.of(diffOut.toString(StandardCharsets.UTF_8));
    }

    /** The patch-id of one commit, by id. */
    public String patchId(String sha) throws IOException {
        try (RevWalk walk = new RevWalk(reader)) {
            return patchId(walk, walk.parseCommit(ObjectId.fromString(sha)));
        }
    }

    @Override
    public void close() {
        diff.close();
        reader.close();
    }
}
