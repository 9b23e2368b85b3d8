package dev.patchtrack.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Empties every table, so that a test class starts from a known state on a shared database. */
@ApplicationScoped
public class Database {

    @Inject
    EntityManager em;

    @Inject
    dev.patchtrack.store.DataVersion dataVersion;

    @Transactional
    public void clear() {
        for (String table : new String[] {"webhook_delivery", "webhook_filter", "webhook", "rust_release_arch", "rust_release", "tree_match", "tree_commit_link", "tree_commit", "tree_ref", "tree", "article_topic", "article_ref", "article", "lwn_source", "source_cursor",
                "source", "sync_run", "event", "state_override", "revision_topic", "series_topic", "trailer", "message_link", "derivation_pending",
                "applied_notice", "patch", "revision", "series_list", "series_document", "message_document", "series", "message_list", "search_text", "message_copy", "patch_check", "message", "person",
                "mailing_list"}) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        dataVersion.bump();
    }

    /**
     * What changes whenever the data does: the data version every write path moves, and the count and
     * newest id of the messages (which also tell one database from another).
     */
    @Transactional
    public String fingerprint() {
        Object version = em.createNativeQuery("SELECT version FROM data_version WHERE id = 1").getSingleResult();
        Object[] messages = (Object[]) em.createNativeQuery("SELECT COUNT(*), MAX(id) FROM message").getSingleResult();
        return version + ":" + messages[0] + ":" + messages[1];
    }
}
