package dev.patchtrack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A small git repository written by a test with JGit: files, commits by given authors, tags. */
public final class GitTree implements AutoCloseable {

    /** Where the test profile's tree {@code test/linux} lives. */
    public static final Path TEST_LINUX = Path.of("target/test-trees/linux");

    private final Git git;
    private final Path dir;
    private long clock = Instant.parse("2024-06-10T10:00:00Z").getEpochSecond();

    private GitTree(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A new repository at {@code dir}, whatever was there before removed. */
    public static GitTree create(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            return new GitTree(Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitTree write(String path, String text) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits every change; {@code author} is {@code Name <email>}. Returns the commit id. */
    public String commit(String author, String message) {
        try {
            git.add().addFilepattern(".").call();
            String name = author.substring(0, author.indexOf('<')).strip();
            String email = author.substring(author.indexOf('<') + 1, author.indexOf('>'));
            clock += 3600;
            PersonIdent who = new PersonIdent(name, email, Instant.ofEpochSecond(clock), TimeZone.getTimeZone("UTC").toZoneId());
            RevCommit c = git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
            return c.name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An annotated tag on HEAD, as kernel releases are. */
    public GitTree tag(String name) {
        try {
            git.tag().setName(name).setAnnotated(true).setTagger(new PersonIdent("Linus Torvalds", "torvalds@example.org")).setMessage("Linux " + name).setSigned(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
