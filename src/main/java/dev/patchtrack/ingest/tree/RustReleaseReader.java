package dev.patchtrack.ingest.tree;

import dev.patchtrack.core.rust.ArchSupport;
import dev.patchtrack.core.rust.MinToolVersions;
import dev.patchtrack.core.rust.RustRelease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads where Rust stands at one commit of a kernel tree, straight from git objects (no checkout):
 * {@code scripts/min-tool-version.sh}, {@code Documentation/rust/arch-support.rst}, each
 * {@code arch/<arch>/Kconfig}, and the {@code .rs} files under {@code rust/} and {@code drivers/} with
 * their lines. The parsing is {@link MinToolVersions} and {@link ArchSupport}.
 */
final class RustReleaseReader {

    /** Files bigger than this are not read for their text (no kernel Kconfig or script comes near it). */
    private static final long MAX_TEXT = 4L << 20;

    private final Repository repo;

    RustReleaseReader(Repository repo) {
        this.repo = repo;
    }

    RustRelease read(String tag, String commit) throws IOException {
        try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            RevTree tree = c.getTree();
            Map<String, String> tools = MinToolVersions.parse(text(reader, tree, "scripts/min-tool-version.sh"));
            String doc = text(reader, tree, "Documentation/rust/arch-support.rst");
            Map<String, String> kconfigs = new TreeMap<>();
            try (TreeWalk arch = TreeWalk.forPath(reader, "arch", tree)) {
                if (arch != null && arch.getFileMode(0) == FileMode.TREE) {
                    try (TreeWalk dirs = new TreeWalk(reader)) {
                        dirs.addTree(arch.getObjectId(0));
                        while (dirs.next()) {
                            if (dirs.getFileMode(0) == FileMode.TREE) {
                                String k = text(reader, tree, "arch/" + dirs.getNameString() + "/Kconfig");
                                if (k != null) {
                                    kconfigs.put(dirs.getNameString(), k);
                                }
                            }
                        }
                    }
                }
            }
            long[] rust = rustFiles(reader, tree, "rust");
            long[] drivers = rustFiles(reader, tree, "drivers");
            return new RustRelease(tag, commit, Instant.ofEpochSecond(c.getCommitTime()), tools.get("rustc"),
                    tools.get("bindgen"), ArchSupport.of(kconfigs, doc), (int) rust[0], rust[1], (int) drivers[0], drivers[1]);
        }
    }

    /** A file's text at the tree, null when it is not there. */
    static String text(ObjectReader reader, RevTree tree, String path) throws IOException {
        try (TreeWalk w = TreeWalk.forPath(reader, path, tree)) {
            if (w == null || (w.getFileMode(0).getBits() & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                return null;
            }
            ObjectLoader l = reader.open(w.getObjectId(0));
            return l.getSize() > MAX_TEXT ? null : new String(l.getCachedBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The {@code .rs} files under a directory and their lines: {files, lines}. */
    private static long[] rustFiles(ObjectReader reader, RevTree tree, String dir) throws IOException {
        long files = 0;
        long lines = 0;
        try (TreeWalk w = new TreeWalk(reader)) {
            w.addTree(tree);
            w.setRecursive(true);
            w.setFilter(PathFilter.create(dir));
            while (w.next()) {
                if (!w.getPathString().endsWith(".rs") || (w.getFileMode(0).getBits() & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                    continue;
                }
                files++;
                lines += lines(reader.open(w.getObjectId(0)));
            }
        }
        return new long[] {files, lines};
    }

    /** Lines as {@code wc -l} counts them, plus a last line without its newline. */
    private static long lines(ObjectLoader blob) throws IOException {
        long n = 0;
        int last = '\n';
        try (var in = blob.openStream()) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
                last = buf[r - 1];
            }
        }
        return last == '\n' ? n : n + 1;
    }
}
