package dev.patchtrack.store;

import java.sql.SQLException;

/**
 * Recognises a transaction that lost a race with another one, wherever it sits in the cause chain:
 * a unique key the other inserted first (the same message delivered by two uploads at once), a
 * serialization failure or deadlock (PostgreSQL), a concurrent update or a lock wait that timed out
 * (H2). Such a transaction can simply run again: it then finds what the other one committed.
 */
public final class Conflict {

    private Conflict() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t : StoreFailure.chain(e)) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                int code = sql.getErrorCode();
                // 23505 unique violation; 40001 serialization failure; 40P01 deadlock; 55P03 lock not available;
                // H2: 90131 concurrent update, 50200 lock timeout, 40001 deadlock
                if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state)
                        || code == 90131 || code == 50200) {
                    return true;
                }
            }
        }
        return false;
    }
}
