package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;

/** The names stored data uses: what a closed filter such as {@code list} or {@code topic} may take. */
@ApplicationScoped
public class Vocabulary {

    @Inject
    Jdbc jdbc;

    /** Lists that hold mail or are followed as a source. */
    public TreeSet<String> lists() {
        return names("SELECT name FROM mailing_list UNION SELECT name FROM source");
    }

    /** Topics some series or revision carries. */
    public TreeSet<String> topics() {
        return names("SELECT DISTINCT topic AS name FROM series_topic");
    }

    private TreeSet<String> names(String sql) {
        return new TreeSet<>(jdbc.list(sql, List.of(), rs -> rs.getString("name")));
    }
}
