package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Marks the current transaction as a read: what it loads is not dirty-checked, nothing is flushed
 * before its queries or at its end. Only for a transaction of its own that writes nothing: the API's
 * GETs, which would otherwise pay Hibernate's bookkeeping for every row a view loads.
 */
@ApplicationScoped
public class ReadOnly {

    @Inject
    EntityManager em;

    public void begin() {
        Session s = em.unwrap(Session.class);
        s.setDefaultReadOnly(true);
        s.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
