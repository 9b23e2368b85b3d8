package dev.patchtrack.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the machine (mount, mkfifo, pg_ctl ...) for a test: its exit status, output discarded. */
public final class Shell {

    private Shell() {
    }

    /** The exit status; -1 when it could not run or did not end within two minutes. */
    public static int run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static int run(String... cmd) {
        return run(List.of(cmd));
    }
}
