package dev.patchtrack.core.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Gives topics from the rules. Work is Rust when a {@code rust} rule matches; then each touched file
 * counts for the area rule with the most specific path pattern that matches it (so
 * {@code rust/kernel/block/mq.rs} is rust-block, not rust-core), and subject, list and keyword rules
 * add their topics. Rust work that no area rule claims is {@code rust-other}; anything else is
 * {@code not-rust}. Every label says which rule matched what.
 */
public final class Classifier {

    public static final String RUST_OTHER = "rust-other";
    public static final String NOT_RUST = "not-rust";

    private final TopicRules rules;

    public Classifier(TopicRules rules) {
        this.rules = rules;
    }

    public List<TopicLabel> classify(ClassifyInput in) {
        String gate = null;
        Map<String, String> areas = new TreeMap<>();
        for (String path : in.paths()) {
            TopicRules.Compiled best = null;
            for (TopicRules.Compiled c : rules.compiled()) {
                if (c.rule().signal() != TopicRule.Signal.PATH || !c.regex().matcher(path).matches()) {
                    continue;
                }
                if (isGate(c)) {
                    if (gate == null) {
                        gate = "path " + path + " matched " + c.rule();
                    }
                } else if (best == null || c.specificity() > best.specificity()) {
                    best = c;
                }
            }
            if (best != null) {
                areas.putIfAbsent(best.rule().topic(), "path " + path + " matched " + best.rule());
            }
        }
        for (TopicRules.Compiled c : rules.compiled()) {
            String evidence = switch (c.rule().signal()) {
                case PATH -> null;
                case SUBJECT -> first(c, in.subjects(), false);
                case LIST -> first(c, in.lists(), true);
                case KEYWORD -> keyword(c, in.text());
            };
            if (evidence == null) {
                continue;
            }
            String reason = evidence + " matched " + c.rule();
            if (isGate(c)) {
                if (gate == null) {
                    gate = reason;
                }
            } else {
                areas.putIfAbsent(c.rule().topic(), reason);
            }
        }
        List<TopicLabel> out = new ArrayList<>();
        if (gate == null) {
            out.add(new TopicLabel(NOT_RUST, "no rust rule matched"));
            return out;
        }
        if (areas.isEmpty()) {
            out.add(new TopicLabel(RUST_OTHER, gate + "; no area rule matched"));
            return out;
        }
        areas.forEach((topic, reason) -> out.add(new TopicLabel(topic, reason)));
        return out;
    }

    private static boolean isGate(TopicRules.Compiled c) {
        return c.rule().topic().equals(TopicRules.GATE);
    }

    private static String first(TopicRules.Compiled c, List<String> values, boolean whole) {
        for (String v : values) {
            Matcher m = c.regex().matcher(v);
            if (whole ? m.matches() : m.find()) {
                return (c.rule().signal() == TopicRule.Signal.LIST ? "list " : "subject \"") + v
                        + (c.rule().signal() == TopicRule.Signal.LIST ? "" : "\"");
            }
        }
        return null;
    }

    private static String keyword(TopicRules.Compiled c, String text) {
        Matcher m = c.regex().matcher(text);
        return m.find() ? "text \"" + m.group() + "\"" : null;
    }
}
