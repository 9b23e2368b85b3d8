package dev.patchtrack.store;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Recognises a failure that means "the database cannot be reached right now" (as opposed to a
 * fault in the request or the code), wherever it sits in the cause chain: a refused or broken
 * connection, a pool that found none in time, a server shutting down.
 */
public final class DatabaseDown {

    private static final Logger LOG = Logger.getLogger(DatabaseDown.class);

    private DatabaseDown() {
    }

    /**
     * Runs a worker's tick; when the database cannot be reached the tick is skipped with one line in
     * the log (the next tick tries again), anything else is thrown as before.
     */
    public static void orSkipTick(String worker, Runnable tick) {
        try {
            tick.run();
        } catch (RuntimeException e) {
            StoreFailure.note(e);
            if (!is(e)) {
                throw e;
            }
            LOG.warnf("%s: database unavailable, tick skipped (%s)", worker, e.toString());
        }
    }

    public static boolean is(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01..57P03: admin shutdown, crash shutdown, cannot connect now
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                String m = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("acquisition timeout") || m.contains("connection is closed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
