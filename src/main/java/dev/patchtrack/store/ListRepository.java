package dev.patchtrack.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Mailing lists. */
@ApplicationScoped
public class ListRepository {

    public MailingList findOrCreate(String name) {
        return findByName(name).orElseGet(() -> {
            MailingList list = new MailingList();
            list.name = name;
            list.createdAt = Instant.now();
            list.persist();
            return list;
        });
    }

    public Optional<MailingList> findByName(String name) {
        return MailingList.find("name", name).firstResultOptional();
    }

    public List<MailingList> all() {
        return MailingList.listAll(io.quarkus.panache.common.Sort.by("name"));
    }
}
