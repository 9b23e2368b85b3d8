package dev.patchtrack.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real git-pw, Patchwork's command-line client, from Debian's packages: installed when missing
 * (as .ci/run installs wrk and PostgreSQL), then run against a patchtrack URL the way a maintainer runs
 * it, with the server, project and token in its environment.
 */
public final class GitPw {

    /** What a run printed (stdout and stderr together) and how it ended. */
    public record Result(int exit, String out) {
    }

    private final String server;
    private final String project;
    private final String token;

    /** @param server patchtrack's {@code /api/1.3} URL */
    public GitPw(String server, String project, String token) {
        this.server = server;
        this.project = project;
        this.token = token;
    }

    /** Installs Debian's git-pw when no {@code git-pw} is on the PATH. */
    public static synchronized void ensureInstalled() {
        if (onPath()) {
            return;
        }
        Result r = exec(Path.of("."), List.of("sh", "-c", "apt-get install -y -q git-pw"
                + " || (apt-get update -q && apt-get install -y -q git-pw)"), Map.of("DEBIAN_FRONTEND", "noninteractive"), 900);
        if (!onPath()) {
            throw new IllegalStateException("git-pw is not installed and apt-get could not install it:\n" + r.out());
        }
    }

    private static boolean onPath() {
        return exec(Path.of("."), List.of("sh", "-c", "command -v git-pw"), Map.of(), 30).exit() == 0;
    }

    /** {@code git pw ARGS} in {@code dir}. */
    public Result run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "pw"));
        cmd.addAll(List.of(args));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PW_SERVER", server);
        env.put("PW_PROJECT", project);
        env.put("PW_TOKEN", token);
        env.put("GIT_PAGER", "cat");
        env.put("PAGER", "cat");
        env.put("COLUMNS", "200");
        env.put("HOME", dir.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        return exec(dir, cmd, env, 120);
    }

    private static Result exec(Path dir, List<String> cmd, Map<String, String> env, int seconds) {
        try {
            Files.createDirectories(dir);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + seconds + " s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
