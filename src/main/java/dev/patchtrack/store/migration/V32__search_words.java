package dev.patchtrack.store.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * What lore's search words need. {@code search_text} gains the file names, removed and added lines of
 * each message's diffs ({@code dfn:}, {@code dfa:}, {@code dfb:}), lower-cased, and the stable
 * patch-id of a patch's diff ({@code patchid:}, and the Patchwork API's {@code hash}); rows written before
 * have none, and the next derivation (an import, a sync or {@code reclassify}) writes them again. On
 * PostgreSQL, trigram indexes (pg_trgm) serve the case-insensitive part-of-text matches of every
 * prefix; where the extension cannot be created the searches still work, unindexed, and the log says
 * so. H2 searches the same columns with LIKE.
 */
public class V32__search_words extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V32__search_words.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            for (String column : List.of("files", "removed", "added")) {
                st.execute("ALTER TABLE search_text ADD COLUMN " + column + " TEXT");
            }
            st.execute("ALTER TABLE search_text ADD COLUMN patch_id VARCHAR(40)");
            st.execute("CREATE INDEX ix_search_text_patch_id ON search_text (patch_id)");
        }
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        Savepoint before = c.setSavepoint();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        } catch (SQLException e) {
            c.rollback(before);
            LOG.warnf("pg_trgm cannot be created (%s): search words run without trigram indexes", e.getMessage());
            return;
        }
        try (Statement st = c.createStatement()) {
            for (String index : List.of(
                    "ix_search_text_body_trgm ON search_text USING GIN (LOWER(body) gin_trgm_ops)",
                    "ix_search_text_files_trgm ON search_text USING GIN (files gin_trgm_ops)",
                    "ix_search_text_removed_trgm ON search_text USING GIN (removed gin_trgm_ops)",
                    "ix_search_text_added_trgm ON search_text USING GIN (added gin_trgm_ops)",
                    "ix_patch_subject_trgm ON patch USING GIN (LOWER(subject) gin_trgm_ops)",
                    "ix_revision_title_trgm ON revision USING GIN (LOWER(title) gin_trgm_ops)",
                    "ix_series_title_trgm ON series USING GIN (LOWER(title) gin_trgm_ops)",
                    "ix_person_name_trgm ON person USING GIN (LOWER(name) gin_trgm_ops)",
                    "ix_person_email_trgm ON person USING GIN (LOWER(email) gin_trgm_ops)")) {
                st.execute("CREATE INDEX " + index);
            }
        }
    }
}
