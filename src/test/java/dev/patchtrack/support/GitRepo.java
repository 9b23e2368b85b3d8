package dev.patchtrack.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A throwaway repository driven by the real {@code git} command. */
public final class GitRepo {

    private final Path dir;

    private GitRepo(Path dir) {
        this.dir = dir;
    }

    /** A new repository with one commit holding {@code files} (path to content). */
    public static GitRepo init(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.commitFiles(files);
        return repo;
    }

    /** Writes {@code files} (path to content) into the work tree and commits them, with whatever else is there. */
    public void commitFiles(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", "base");
    }

    public Path dir() {
        return dir;
    }

    /** Runs git with a fixed identity and no user configuration; fails on a non-zero exit. */
    public String git(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Tester", "-c", "user.email=tester@example.com",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("git " + String.join(" ", args) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed (" + p.exitValue() + "):\n" + out);
        }
        return out;
    }
}
