package dev.patchtrack.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything an import produces, read straight from a database over JDBC in a form two databases
 * can be compared by: surrogate ids replaced by what they stand for (a message by its Message-ID,
 * a person by address, a series and a revision by their keys, a list by name), rows sorted, and the
 * wall-clock columns (when a row was written) left out.
 */
public final class DatabaseDump {

    /** The tables, in no particular order; each is compared as a sorted list of rows. */
    static final List<String> TABLES = List.of("mailing_list", "person", "message", "message_copy", "message_list", "series", "series_list",
            "revision", "patch", "trailer", "applied_notice", "series_topic", "revision_topic", "event", "state_override");
    /** When a row was written, not what it says. */
    static final Set<String> WALL_CLOCK = Set.of("created_at", "received_at", "set_at", "cleared_at", "updated_at");

    private DatabaseDump() {
    }

    public static Map<String, List<String>> dump(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            Map<String, Map<Long, String>> keys = new HashMap<>();
            keys.put("message", keys(c, "SELECT id, message_id FROM message"));
            keys.put("person", keys(c, "SELECT id, email FROM person"));
            keys.put("series", keys(c, "SELECT id, series_key FROM series"));
            keys.put("revision", keys(c, "SELECT r.id, s.series_key || ' / ' || r.revision_key FROM revision r JOIN series s ON s.id = r.series_id"));
            keys.put("patch", keys(c, "SELECT p.id, m.message_id FROM patch p JOIN message m ON m.id = p.message_pk"));
            keys.put("mailing_list", keys(c, "SELECT id, name FROM mailing_list"));
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                            if (col.equals("id") || col.equals("raw") || WALL_CLOCK.contains(col)) {
                                continue;
                            }
                            Object v = rs.getObject(i);
                            String target = referenced(col);
                            String text;
                            if (v != null && target != null) {
                                long id = ((Number) v).longValue();
                                text = "->" + keys.get(target).getOrDefault(id, "missing " + target + " " + id);
                            } else if (v instanceof java.time.temporal.TemporalAccessor || v instanceof java.util.Date) {
                                text = String.valueOf(rs.getTimestamp(i).toInstant());
                            } else {
                                text = String.valueOf(v);
                            }
                            row.append(col).append('=').append(text).append(" | ");
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(table, rows);
            }
            return out;
        }
    }

    /** Which table a column's id points into, or null when it holds no id. */
    static String referenced(String column) {
        if (column.endsWith("_pk")) {
            return "message";
        }
        if (column.endsWith("person_id") || column.equals("author_id")) {
            return "person";
        }
        return switch (column) {
            case "series_id" -> "series";
            case "revision_id" -> "revision";
            case "patch_id" -> "patch";
            case "list_id" -> "mailing_list";
            default -> null;
        };
    }

    private static Map<Long, String> keys(Connection c, String sql) throws SQLException {
        Map<Long, String> m = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                m.put(rs.getLong(1), rs.getString(2));
            }
        }
        return m;
    }

    /** How many messages a database holds (0 before the schema exists). */
    public static long messages(String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }
}
