package dev.patchtrack.ingest.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.HttpTransport;

/**
 * Bare git mirrors that fetch like the HTTP client does: through {@link GitTransport} (allowlist,
 * checked address, deadlines, limits), no redirects, our user agent.
 */
public final class GitMirrors {

    private GitMirrors() {
    }

    /** The bare repository at {@code dir}, created when missing, its fetches going through {@code http}. */
    public static Git openBare(Path dir, HttpFetcher http) throws IOException {
        HttpTransport.setConnectionFactory(new GitTransport(http));
        Files.createDirectories(dir.getParent());
        Git git;
        if (Files.exists(dir.resolve("HEAD"))) {
            git = Git.open(dir.toFile());
        } else {
            try {
                git = Git.init().setBare(true).setGitDir(dir.toFile()).call();
            } catch (GitAPIException e) {
                throw new IOException("git init " + dir + ": " + e.getMessage(), e);
            }
        }
        StoredConfig c = git.getRepository().getConfig();
        c.setString("http", null, "followRedirects", "false"); // the allowlist must hold for redirects too
        c.setString("http", null, "userAgent", http.userAgent());
        c.save();
        return git;
    }
}
