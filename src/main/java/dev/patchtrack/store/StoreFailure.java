package dev.patchtrack.store;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a database failure says about the store itself, beyond "cannot be reached"
 * ({@link DatabaseDown}): that its disk is full, or that the embedded database was closed under the
 * service (H2 closes its store for good after a failed write: a full disk, an out-of-memory error).
 * A closed store does not come back in this process, so the first time one is seen it is remembered,
 * and liveness is DOWN from then on: the process is to be started again.
 */
public final class StoreFailure {

    private static final AtomicReference<String> CLOSED = new AtomicReference<>();

    private StoreFailure() {
    }

    /**
     * {@code e}, its causes and what was suppressed along the way (a transaction manager that could not
     * commit reports the driver's error as suppressed), at most 60 of them.
     */
    public static java.util.List<Throwable> chain(Throwable e) {
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (e != null) {
            todo.add(e);
        }
        while (!todo.isEmpty() && out.size() < 60) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.List.of(t.getSuppressed()));
        }
        return out;
    }

    /** True when the failure comes from a full disk (or a file at its size limit). */
    public static boolean diskFull(Throwable e) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("53")) {
                return true; // PostgreSQL: 53100 disk_full, 53000 insufficient resources
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if ((t instanceof IOException || t instanceof SQLException || t.getClass().getName().startsWith("org.h2."))
                    && (m.contains("no space left on device") || m.contains("disk quota exceeded") || m.contains("file too large")
                    || m.contains("disk full"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the embedded database's file lies on a disk with less than a megabyte left. H2 closes its
     * store on the first write that fails, often a background one (the scheduler's), so a request only
     * learns that the store is closed; the disk tells why.
     *
     * @param jdbcUrl the datasource URL; anything but an H2 file gives false
     */
    public static boolean embeddedDiskFull(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:h2:mem:")
                || jdbcUrl.startsWith("jdbc:h2:tcp:") || jdbcUrl.startsWith("jdbc:h2:ssl:")) {
            return false;
        }
        String path = jdbcUrl.substring("jdbc:h2:".length());
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        int semi = path.indexOf(';');
        path = semi < 0 ? path : path.substring(0, semi);
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(path).toAbsolutePath().getParent();
            while (dir != null && !java.nio.file.Files.exists(dir)) {
                dir = dir.getParent();
            }
            return dir != null && java.nio.file.Files.getFileStore(dir).getUsableSpace() < 1024 * 1024;
        } catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    /** True when the failure says the embedded database's store is closed (H2's "database is closed"). */
    public static boolean closed(Throwable e) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 90098 || sql.getErrorCode() == 90121)) {
                return true; // DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
                    && t.getMessage() != null && t.getMessage().contains("store is closed")) {
                return true;
            }
        }
        return false;
    }

    /** Remembers a closed store, when {@code e} says the store is closed. */
    public static void note(Throwable e) {
        if (closed(e)) {
            CLOSED.compareAndSet(null, describe(e));
        }
    }

    /** Why the store was found closed, or null while it never was. */
    public static String closedBecause() {
        return CLOSED.get();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && depth < 30; depth++) {
            root = root.getCause();
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return root == e ? m : m + " (cause: " + root + ")";
    }
}
