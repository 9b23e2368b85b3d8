package dev.patchtrack.core.series;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.MessageKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The thread forest of a set of messages: one known parent per message (cycles broken), depths, and the
 * nearest interesting ancestors. Everything here is linear in the number of messages (plus sorting).
 */
final class MailThreads {

    /** Messages sorted by id. */
    final List<Msg> messages;
    final Map<String, Msg> byId;
    /** Messages sorted so every ancestor comes before its descendants: by depth, then id. */
    final List<Msg> topological;

    private MailThreads(List<Msg> messages, Map<String, Msg> byId, List<Msg> topological) {
        this.messages = messages;
        this.byId = byId;
        this.topological = topological;
    }

    static MailThreads of(Collection<MailFacts> all) {
        Map<String, Msg> byId = dedupe(all);
        List<Msg> messages = new ArrayList<>(byId.values());
        messages.sort(Comparator.comparing(m -> m.id));
        for (int i = 0; i < messages.size(); i++) {
            messages.get(i).order = i;
        }
        for (Msg m : messages) {
            for (String candidate : m.parentCandidates()) {
                Msg p = byId.get(candidate);
                if (p != null && p != m) {
                    m.parent = p;
                    break;
                }
            }
        }
        breakCycles(messages);
        computeDepths(messages);
        List<Msg> topological = new ArrayList<>(messages);
        topological.sort(Comparator.comparingInt((Msg m) -> m.depth).thenComparing(m -> m.id));
        for (Msg m : topological) {
            Msg p = m.parent;
            if (p == null) {
                m.top = m;
                continue;
            }
            m.top = p.top;
            m.anchor = p.isAnchor() ? p : p.anchor;
            m.nearestPatchOrCover = p.isPatch() || p.isCover() ? p : p.nearestPatchOrCover;
        }
        return new MailThreads(messages, byId, topological);
    }

    /**
     * A label for the thread a message sits in, used to group patches that have no cover letter or first
     * patch above them: the id its thread's top names when that message is missing, the top's own id when
     * the top is known and unthreaded, null when the message itself has no threading at all.
     */
    static String rootLabel(Msg m) {
        Msg top = m.top == null ? m : m.top;
        if (top.threaded()) {
            return "?" + top.namedRoot();
        }
        return top == m ? null : top.id;
    }

    private static Map<String, Msg> dedupe(Collection<MailFacts> all) {
        Map<String, Msg> byId = new HashMap<>();
        for (MailFacts f : all) {
            if (f == null) {
                continue;
            }
            String id = Msg.cleanId(f.messageId());
            if (id == null) {
                continue;
            }
            Msg candidate = new Msg(id, f);
            byId.merge(id, candidate, (a, b) -> PREFERRED.compare(a, b) <= 0 ? a : b);
        }
        return byId;
    }

    /** Which of two messages with one id to keep: a total order, so input order never matters. */
    private static final Comparator<Msg> PREFERRED = Comparator
            .comparingInt((Msg m) -> kindRank(m.kind))
            .thenComparing(m -> m.facts.syntheticId())
            .thenComparing(m -> m.date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(m -> String.valueOf(m.facts));

    private static int kindRank(MessageKind k) {
        switch (k) {
            case COVER:
                return 0;
            case PATCH:
                return 1;
            case PULL:
                return 2;
            case REPLY:
                return 3;
            default:
                return 4;
        }
    }

    /**
     * In a graph where each node has at most one parent every cycle is disjoint from the others; each is
     * broken at its earliest message (unknown dates last, then lowest id), which becomes a thread top. The
     * choice depends only on the cycle, never on traversal order.
     */
    private static void breakCycles(List<Msg> messages) {
        byte[] state = new byte[messages.size()];
        List<Msg> path = new ArrayList<>();
        for (Msg start : messages) {
            if (state[start.order] != 0) {
                continue;
            }
            path.clear();
            Msg cur = start;
            while (cur != null && state[cur.order] == 0) {
                state[cur.order] = 1;
                path.add(cur);
                cur = cur.parent;
            }
            if (cur != null && state[cur.order] == 1) {
                int from = path.indexOf(cur);
                Msg breaker = cur;
                for (int i = from; i < path.size(); i++) {
                    if (Msg.BY_DATE.compare(path.get(i), breaker) < 0) {
                        breaker = path.get(i);
                    }
                }
                breaker.parent = null;
            }
            for (Msg m : path) {
                state[m.order] = 2;
            }
        }
    }

    private static void computeDepths(List<Msg> messages) {
        Deque<Msg> stack = new ArrayDeque<>();
        for (Msg m : messages) {
            if (m.depth >= 0) {
                continue;
            }
            Msg cur = m;
            while (cur != null && cur.depth < 0) {
                stack.push(cur);
                cur = cur.parent;
            }
            int d = cur == null ? -1 : cur.depth;
            while (!stack.isEmpty()) {
                stack.pop().depth = ++d;
            }
        }
    }
}
