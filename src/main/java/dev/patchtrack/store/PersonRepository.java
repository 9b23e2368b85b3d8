package dev.patchtrack.store;

import dev.patchtrack.core.model.Address;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** People, one per case-folded address. */
@ApplicationScoped
public class PersonRepository {

    @Inject
    EntityManager em;

    /** The person id of each address (by {@link Address#key()}), creating people not seen before. */
    public Map<String, Long> resolve(Collection<Address> addresses) {
        Map<String, Address> wanted = new LinkedHashMap<>();
        for (Address a : addresses) {
            if (a != null && !a.key().isEmpty()) {
                wanted.merge(a.key(), a, (old, neu) -> old.name() == null ? neu : old);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        Bulk.forChunks(List.copyOf(wanted.keySet()), chunk -> {
            List<Person> found = em.createQuery("from Person where email in :emails", Person.class)
                    .setParameter("emails", chunk).getResultList();
            for (Person p : found) {
                ids.put(p.email, p.id);
                Address a = wanted.get(p.email);
                if (p.name == null && a.name() != null) {
                    p.name = Bulk.clip(a.name(), 500);
                }
            }
        });
        for (Map.Entry<String, Address> e : wanted.entrySet()) {
            if (!ids.containsKey(e.getKey())) {
                Person p = new Person();
                p.email = Bulk.clip(e.getKey(), 500);
                p.name = e.getValue().name() == null ? null : Bulk.clip(e.getValue().name(), 500);
                em.persist(p);
                ids.put(e.getKey(), p.id);
            }
        }
        return ids;
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
