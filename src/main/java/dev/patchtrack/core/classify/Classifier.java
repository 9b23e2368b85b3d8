package dev.patchtrack.core.classify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Gives topics from the rules, strongest evidence first. The files a revision touches decide; only
 * without files does the subject, then the list, then a keyword in the text: a word in prose ("NVMe",
 * "Rust") never outranks the files.
 *
 * <p>Whether work is Rust at all: a {@code rust} path rule over its files, else a {@code rust} subject
 * or list rule, else (only when there are no files) a {@code rust} keyword. So a C-only patch that
 * mentions Rust in its text is not Rust work.
 *
 * <p>Its areas: each touched file counts for the area rule with the most specific path pattern that
 * matches it (so {@code rust/kernel/block/mq.rs} is rust-block, not rust-core); when no file names an
 * area, the subject rules do, then the list rules, then (without files) the keyword rules. Rust work that
 * no area rule claims is {@code rust-other}; anything else is {@code not-rust}. Every label's reason
 * names each rule that fired for its topic, in every tier, and the rules that fired for topics the
 * stronger evidence outranked.
 */
public final class Classifier {

    public static final String RUST_OTHER = "rust-other";
    public static final String NOT_RUST = "not-rust";

    /** Evidence tiers, strongest first. */
    private static final List<TopicRule.Signal> TIERS =
            List.of(TopicRule.Signal.PATH, TopicRule.Signal.SUBJECT, TopicRule.Signal.LIST, TopicRule.Signal.KEYWORD);

    private final TopicRules rules;

    public Classifier(TopicRules rules) {
        this.rules = rules;
    }

    public List<TopicLabel> classify(ClassifyInput in) {
        boolean files = !in.paths().isEmpty();
        // per tier: the gate's evidence and each area's evidence (all rules that fired, in rule order)
        Map<TopicRule.Signal, List<String>> gate = new EnumMap<>(TopicRule.Signal.class);
        Map<TopicRule.Signal, Map<String, List<String>>> areas = new EnumMap<>(TopicRule.Signal.class);
        Map<TopicRule.Signal, Map<String, Set<String>>> details = new EnumMap<>(TopicRule.Signal.class);
        for (TopicRule.Signal t : TIERS) {
            gate.put(t, new ArrayList<>());
            areas.put(t, new TreeMap<>());
            details.put(t, new TreeMap<>());
        }
        for (String path : in.paths()) {
            TopicRules.Compiled best = null;
            for (TopicRules.Compiled c : rules.compiled()) {
                if (c.rule().signal() != TopicRule.Signal.PATH || !c.regex().matcher(path).matches()) {
                    continue;
                }
                if (isGate(c)) {
                    addOnce(gate.get(TopicRule.Signal.PATH), "path " + path + " matched " + c.rule(), c);
                } else if (best == null || c.specificity() > best.specificity()) {
                    best = c;
                }
            }
            if (best != null) {
                addOnce(areas.get(TopicRule.Signal.PATH).computeIfAbsent(best.rule().topic(), k -> new ArrayList<>()),
                        "path " + path + " matched " + best.rule(), best);
                Matcher m = best.regex().matcher(path);
                addDetail(details.get(TopicRule.Signal.PATH), best, m.matches() ? best.detail(m) : null);
            }
        }
        for (TopicRules.Compiled c : rules.compiled()) {
            Hit hit = switch (c.rule().signal()) {
                case PATH -> null;
                case SUBJECT -> first(c, in.subjects(), false);
                case LIST -> first(c, in.lists(), true);
                case KEYWORD -> first(c, List.of(in.text()), false);
            };
            if (hit == null) {
                continue;
            }
            Matcher m = hit.match();
            String evidence = switch (c.rule().signal()) {
                case LIST -> "list " + hit.value();
                case KEYWORD -> "text \"" + m.group() + "\"";
                default -> "subject \"" + hit.value() + "\"";
            };
            String reason = evidence + " matched " + c.rule();
            if (isGate(c)) {
                gate.get(c.rule().signal()).add(reason);
            } else {
                areas.get(c.rule().signal()).computeIfAbsent(c.rule().topic(), k -> new ArrayList<>()).add(reason);
                addDetail(details.get(c.rule().signal()), c, c.detail(m));
                while (c.group() != null && m.find()) { // every architecture a title names
                    addDetail(details.get(c.rule().signal()), c, c.detail(m));
                }
            }
        }
        String gateReason = null;
        for (TopicRule.Signal t : TIERS) {
            if (t == TopicRule.Signal.KEYWORD && files) {
                break; // the files said it is not Rust; a word in the text does not overrule them
            }
            if (!gate.get(t).isEmpty()) {
                gateReason = gate.get(t).get(0);
                break;
            }
        }
        List<TopicLabel> out = new ArrayList<>();
        if (gateReason == null) {
            List<String> ignored = new ArrayList<>();
            gate.values().forEach(ignored::addAll);
            out.add(new TopicLabel(NOT_RUST, "no rust rule matched" + (ignored.isEmpty() ? ""
                    : " the files; outranked by them: " + String.join("; ", ignored))));
            return out;
        }
        Map<String, List<String>> chosen = null;
        Map<String, Set<String>> chosenDetails = Map.of();
        for (TopicRule.Signal t : TIERS) {
            if (t == TopicRule.Signal.KEYWORD && files) {
                break;
            }
            if (!areas.get(t).isEmpty()) {
                chosen = areas.get(t);
                chosenDetails = details.get(t);
                break;
            }
        }
        // every rule that fired, by topic, strongest tier first
        Map<String, List<String>> fired = new TreeMap<>();
        for (TopicRule.Signal t : TIERS) {
            areas.get(t).forEach((topic, why) -> fired.computeIfAbsent(topic, k -> new ArrayList<>()).addAll(why));
        }
        List<String> outranked = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : fired.entrySet()) {
            if (chosen == null || !chosen.containsKey(e.getKey())) {
                outranked.add(e.getKey() + " (" + String.join("; ", e.getValue()) + ")");
            }
        }
        String tail = outranked.isEmpty() ? "" : "; outranked by stronger evidence: " + String.join(", ", outranked);
        if (chosen == null) {
            out.add(new TopicLabel(RUST_OTHER, gateReason + "; no area rule matched" + tail));
            return out;
        }
        for (String topic : chosen.keySet()) {
            Set<String> d = chosenDetails.get(topic);
            out.add(new TopicLabel(topic, String.join("; ", fired.get(topic)) + tail,
                    TopicLabel.detail(d)));
        }
        return out;
    }

    /** Adds a path reason unless the same rule already has one (the first file matching it stands for it). */
    private static void addOnce(List<String> reasons, String reason, TopicRules.Compiled c) {
        String rule = c.rule().toString();
        for (String r : reasons) {
            if (r.endsWith(" matched " + rule)) {
                return;
            }
        }
        reasons.add(reason);
    }

    private static boolean isGate(TopicRules.Compiled c) {
        return c.rule().topic().equals(TopicRules.GATE);
    }

    /** Adds the detail a rule's match gave (an architecture), if any. */
    private static void addDetail(Map<String, Set<String>> details, TopicRules.Compiled c, String detail) {
        if (detail != null) {
            details.computeIfAbsent(c.rule().topic(), k -> new TreeSet<>()).add(detail);
        }
    }

    /** A value a rule matched, and the match. */
    private record Hit(String value, Matcher match) {
    }

    /** The first value the rule matches (the whole value for a list, a part of it otherwise), or null. */
    private static Hit first(TopicRules.Compiled c, List<String> values, boolean whole) {
        for (String v : values) {
            Matcher m = c.regex().matcher(v);
            if (whole ? m.matches() : m.find()) {
                return new Hit(v, m);
            }
        }
        return null;
    }
}
