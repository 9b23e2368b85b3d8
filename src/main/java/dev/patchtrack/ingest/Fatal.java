package dev.patchtrack.ingest;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What the process cannot go on after. An {@link OutOfMemoryError} leaves half-done work in the
 * heap and, in the embedded database, a store H2 has closed for good: serving on would answer 503 for
 * ever. So the process ends at once (status 3, as {@code -XX:+ExitOnOutOfMemoryError} does; no
 * shutdown hooks, which could not run without memory) and its supervisor starts it again; what was
 * committed is on disk. The JVM option is the first line of defence (it also covers threads that are
 * not ours); the checks here cover the JVM started without it, wherever an error reaches our code,
 * also wrapped (H2 reports a store closed by an out-of-memory error as an SQL error caused by it).
 */
public final class Fatal {

    /** The exit status, the same as the JVM's own for -XX:+ExitOnOutOfMemoryError. */
    public static final int OUT_OF_MEMORY = 3;

    private Fatal() {
    }

    /** Ends the process when {@code t}, or anything in its cause chain, is an OutOfMemoryError. */
    public static void exitIfOutOfMemory(Throwable t) {
        for (Throwable c : dev.patchtrack.store.StoreFailure.chain(t)) {
            if (c instanceof OutOfMemoryError) {
                halt(c);
            }
        }
    }

    private static void halt(Throwable oom) {
        try {
            System.err.println("patchtrack: out of memory (" + oom.getMessage() + "); ending the process so that it is"
                    + " started again. Give it more heap (-Xmx) or lower patchtrack.import.batch-bytes.");
            System.err.flush();
        } finally {
            Runtime.getRuntime().halt(OUT_OF_MEMORY);
        }
    }

    /** Runs a worker's tick; an out-of-memory error in it ends the process instead of being logged and forgotten. */
    public static void guard(Runnable tick) {
        try {
            tick.run();
        } catch (RuntimeException | Error e) {
            exitIfOutOfMemory(e);
            throw e;
        }
    }

    /** True when the JVM ends itself on an out-of-memory error (-XX:+ExitOnOutOfMemoryError or +CrashOnOutOfMemoryError). */
    public static boolean jvmExitsOnOutOfMemory() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return args.contains("-XX:+ExitOnOutOfMemoryError") || args.contains("-XX:+CrashOnOutOfMemoryError")
                || args.stream().anyMatch(a -> a.startsWith("-XX:OnOutOfMemoryError"));
    }

    /** The handler of last resort: an out-of-memory error that escaped a thread of ours ends the process. */
    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            exitIfOutOfMemory(e);
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
    }
}
