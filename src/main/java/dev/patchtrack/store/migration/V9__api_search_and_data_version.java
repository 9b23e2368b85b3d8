package dev.patchtrack.store.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The read API's support tables. {@code data_version} is one row that every write bumps in its own
 * transaction: what ETag and Last-Modified are made of. {@code search_text} holds the text of cover
 * letters and commit messages for {@code q=}; on PostgreSQL it gets a full-text (GIN) index, on H2 it
 * is searched with LIKE. Written in Java only because of that one PostgreSQL-only statement.
 */
public class V9__api_search_and_data_version extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        List<String> ddl = new ArrayList<>(List.of(
                "CREATE TABLE data_version ("
                        + " id INTEGER PRIMARY KEY,"
                        + " version BIGINT NOT NULL,"
                        + " changed_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                "INSERT INTO data_version (id, version, changed_at) VALUES (1, 1, CURRENT_TIMESTAMP)",
                "CREATE TABLE search_text ("
                        + " message_pk BIGINT PRIMARY KEY REFERENCES message (id),"
                        + " body TEXT NOT NULL)"));
        if (postgres) {
            ddl.add("CREATE INDEX ix_search_text_fts ON search_text USING GIN (to_tsvector('english', body))");
        }
        try (Statement st = c.createStatement()) {
            for (String sql : ddl) {
                st.execute(sql);
            }
        }
    }
}
