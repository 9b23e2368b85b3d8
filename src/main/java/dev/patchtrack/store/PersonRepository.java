package dev.patchtrack.store;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.Mailmap;
import dev.patchtrack.core.model.Address;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * People, one per case-folded address; addresses that the mailmap ({@code patchtrack.mailmap}) gives to one
 * person all resolve to that person, under the mailmap's name.
 */
@ApplicationScoped
public class PersonRepository {

    private static final Logger LOG = Logger.getLogger(PersonRepository.class);

    @Inject
    EntityManager em;

    @Inject
    PatchtrackConfig config;

    @Inject
    Jdbc jdbc;

    @Inject
    KeptDocuments documents;

    private static final String PERSON_SEQ = "person_seq";
    /** The sequence's increment (V1) and the entity's allocation size. */
    private static final int PERSON_SEQ_BLOCK = 50;

    private volatile Mailmap mailmap;

    /** The mailmap in use, read once from {@code patchtrack.mailmap}. */
    public Mailmap mailmap() {
        Mailmap m = mailmap;
        if (m == null) {
            m = Mailmap.EMPTY;
            if (config.mailmap().isPresent() && !config.mailmap().get().isBlank()) {
                Path path = Path.of(config.mailmap().get().strip());
                try {
                    m = Mailmap.parse(Files.readString(path, StandardCharsets.UTF_8));
                    m.problems().forEach(p -> LOG.warnf("%s: %s", path, p.detail()));
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("mailmap %s cannot be read (%s): identities are not merged", path, e.toString());
                }
            }
            mailmap = m;
        }
        return m;
    }

    /**
     * The person id of each address (by {@link Address#key()} as given), creating people not seen before.
     * Addresses the mailmap merges get the id of the one person they map to.
     */
    public Map<String, Long> resolve(Collection<Address> addresses) {
        return resolve(addresses, Map.of());
    }

    /**
     * As {@link #resolve(Collection)}, where {@code spokeAt} gives, for a name and address, when the owner
     * of the address wrote that name themselves (the newest Date of their mail with it): the newest such
     * name wins over what is stored, whatever order mail arrives in. Names without a date only fill a
     * person who has none.
     */
    public Map<String, Long> resolve(Collection<Address> addresses, Map<Address, Instant> spokeAt) {
        Mailmap map = mailmap();
        Map<String, Address> wanted = new LinkedHashMap<>();
        Map<String, String> canonicalKey = new HashMap<>();
        java.util.Set<String> renamed = new java.util.HashSet<>();
        Map<String, Spoken> spoken = new HashMap<>();
        for (Address given : addresses) {
            if (given == null || given.key().isEmpty()) {
                continue;
            }
            Address a = map.map(given);
            boolean mapped = !a.equals(given);
            if (mapped && a.name() != null) {
                renamed.add(a.key());
            }
            canonicalKey.put(given.key(), a.key());
            Instant at = mapped ? null : spokeAt.get(given);
            if (at != null && a.name() != null) {
                spoken.merge(a.key(), new Spoken(a.name(), at), (x, y) -> y.at.isAfter(x.at) ? y : x);
            }
            wanted.merge(a.key(), a, (old, neu) -> old.name() == null || mapped ? neu : old);
        }
        Map<String, Long> ids = new HashMap<>();
        List<Long> renamedIds = new java.util.ArrayList<>();
        Bulk.forChunks(List.copyOf(wanted.keySet()), chunk -> {
            List<Person> found = em.createQuery("from Person where email in :emails", Person.class)
                    .setParameter("emails", chunk).getResultList();
            for (Person p : found) {
                ids.put(p.email, p.id);
                Address a = wanted.get(p.email);
                Spoken said = spoken.get(p.email);
                String was = p.name;
                if (a.name() != null && (p.name == null || renamed.contains(p.email))) {
                    p.name = Bulk.clip(a.name(), 500);
                } else if (said != null && (p.nameSeenAt == null || said.at.isAfter(p.nameSeenAt))) {
                    p.name = Bulk.clip(said.name, 500);
                    p.nameSeenAt = said.at;
                }
                if (!java.util.Objects.equals(was, p.name)) {
                    renamedIds.add(p.id);
                }
            }
        });
        documents.forgetPeople(renamedIds);
        List<Object[]> rows = new java.util.ArrayList<>();
        List<String> created = new java.util.ArrayList<>();
        Jdbc.Ids next = null;
        for (Map.Entry<String, Address> e : wanted.entrySet()) {
            if (!ids.containsKey(e.getKey())) {
                created.add(Bulk.clip(e.getKey(), 500));
                next = next == null ? jdbc.ids(PERSON_SEQ, PERSON_SEQ_BLOCK) : next;
                Spoken said = spoken.get(e.getKey());
                rows.add(new Object[] {next.next(), Bulk.clip(e.getKey(), 500), said != null ? Bulk.clip(said.name, 500)
                    : e.getValue().name() == null ? null : Bulk.clip(e.getValue().name(), 500),
                    said == null ? null : Jdbc.utc(said.at)});
            }
        }
        if (!rows.isEmpty()) {
            // A concurrent import or derivation may create the same people: whoever comes second finds
            // them. They are created in a transaction of their own, committed at once, so that two
            // transactions meeting the same new person do not wait for each other's end (derivations of
            // groups side by side would take turns); a person whose mail then rolls back stays, unreferenced.
            QuarkusTransaction.requiringNew().run(() -> jdbc.insertIfAbsent("person", "email",
                    List.of("id", "email", "name", "name_seen_at"), rows,
                    new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE}));
            jdbc.listIn("SELECT email, id FROM person WHERE email IN ({in})", created,
                    rs -> Map.entry(rs.getString("email"), rs.getLong("id"))).forEach(e -> ids.put(e.getKey(), e.getValue()));
        }
        if (map.isEmpty()) {
            return ids;
        }
        Map<String, Long> out = new HashMap<>(ids);
        canonicalKey.forEach((given, canonical) -> out.put(given, ids.get(canonical)));
        return out;
    }

    /** A name as its owner wrote it, and when. */
    private record Spoken(String name, Instant at) {
    }

    public Map<Long, Person> byIds(Collection<Long> ids) {
        Map<Long, Person> out = new HashMap<>();
        Bulk.forChunks(ids.stream().filter(java.util.Objects::nonNull).distinct().toList(), chunk -> {
            for (Person p : em.createQuery("from Person where id in :ids", Person.class)
                    .setParameter("ids", chunk).getResultList()) {
                out.put(p.id, p);
            }
        });
        return out;
    }
}
