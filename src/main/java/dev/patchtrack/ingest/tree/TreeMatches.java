package dev.patchtrack.ingest.tree;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import dev.patchtrack.core.tree.TreeCommit;
import dev.patchtrack.core.tree.TreeMatch;
import dev.patchtrack.core.tree.TreeMatcher;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.TreeRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which patches the tracked trees carry: every patch's candidates fetched from the store by Link
 * message-id, patch-id and subject, the best chosen by the pure matcher, and the result kept in
 * {@code tree_match} for the views.
 */
@ApplicationScoped
public class TreeMatches {

    /** The matches of every patch found in a tree, by Message-ID, and how many stored rows changed. */
    public record Refresh(Map<String, TreeMatch> matches, int changed) {
    }

    @Inject
    TreeRepository trees;

    @Inject
    MessageRepository messages;

    /**
     * Matches these patches, in the caller's transaction; {@code pks} gives each message's key. The stored
     * matches of messages not given are left alone, so a rebuild of part of the archive may call it.
     */
    public Refresh refresh(Map<String, MailFacts> facts, Map<String, Long> pks) {
        Map<String, Long> treeIds = trees.treeIds();
        List<MailFacts> patches = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> patchIds = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        if (!treeIds.isEmpty()) {
            for (MailFacts f : facts.values()) {
                if (f.kind() != MessageKind.PATCH || !pks.containsKey(f.messageId())) {
                    continue;
                }
                patches.add(f);
                ids.add(f.messageId());
                if (f.diff() != null && f.diff().patchId() != null) {
                    patchIds.add(f.diff().patchId());
                }
                String key = TreeCommit.subjectKey(f.tags().title());
                if (!key.isEmpty() && key.length() <= 500) {
                    subjects.add(key);
                }
            }
        }
        Map<String, TreeMatch> out = new HashMap<>();
        Map<Long, TreeRepository.MatchRow> rows = new HashMap<>();
        if (!patches.isEmpty()) {
            List<TreeCommit> candidates = trees.candidates(ids, patchIds, subjects);
            Map<String, List<TreeCommit>> byKey = new HashMap<>();
            for (TreeCommit c : candidates) {
                c.links().forEach(l -> byKey.computeIfAbsent("l:" + l, k -> new ArrayList<>()).add(c));
                if (c.patchId() != null) {
                    byKey.computeIfAbsent("p:" + c.patchId(), k -> new ArrayList<>()).add(c);
                }
                byKey.computeIfAbsent("s:" + TreeCommit.subjectKey(c.subject()), k -> new ArrayList<>()).add(c);
            }
            for (MailFacts f : patches) {
                Set<TreeCommit> mine = new HashSet<>(byKey.getOrDefault("l:" + f.messageId(), List.of()));
                if (f.diff() != null && f.diff().patchId() != null) {
                    mine.addAll(byKey.getOrDefault("p:" + f.diff().patchId(), List.of()));
                }
                mine.addAll(byKey.getOrDefault("s:" + TreeCommit.subjectKey(f.tags().title()), List.of()));
                TreeMatch m = mine.isEmpty() ? null : TreeMatcher.match(f, mine);
                if (m != null) {
                    out.put(f.messageId(), m);
                    rows.put(pks.get(f.messageId()), new TreeRepository.MatchRow(treeIds.get(m.commit().tree()),
                            m.commit().sha(), m.signal().wireName()));
                }
            }
        }
        return new Refresh(out, trees.saveMatches(new HashSet<>(pks.values()), rows));
    }

    /** Matches every stored patch again, in a transaction of its own; returns how many stored matches changed. */
    public int refreshAll() {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            Map<String, MailFacts> facts = new HashMap<>();
            Map<String, Long> pks = new HashMap<>();
            messages.forEachFacts((pk, f) -> {
                if (f.kind() == MessageKind.PATCH) {
                    facts.put(f.messageId(), f);
                    pks.put(f.messageId(), pk);
                }
            });
            return refresh(facts, pks).changed();
        });
    }
}
