package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Mailing lists. */
@ApplicationScoped
public class ListRepository {

    @Inject
    Jdbc jdbc;

    /** The list named so, created when missing; a concurrent import creating it too is no failure. */
    public MailingList findOrCreate(String name) {
        return findByName(name).orElseGet(() -> {
            long id = jdbc.ids("mailing_list_seq", 50).next();
            jdbc.insertIfAbsent("mailing_list", "name", List.of("id", "name", "created_at"),
                    List.<Object[]>of(new Object[] {id, name, Jdbc.utc(Instant.now())}),
                    new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP_WITH_TIMEZONE});
            return findByName(name).orElseThrow(() -> new IllegalStateException("list " + name + " was not created"));
        });
    }

    public Optional<MailingList> findByName(String name) {
        return MailingList.find("name", name).firstResultOptional();
    }

    public List<MailingList> all() {
        return MailingList.listAll(io.quarkus.panache.common.Sort.by("name"));
    }
}
