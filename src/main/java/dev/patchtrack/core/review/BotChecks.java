package dev.patchtrack.core.review;

import dev.patchtrack.core.model.ParsedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Derives a CI check from a bot's reply on the lists (the kernel test robot's build reports, syzbot's
 * test results, KernelCI), by the {@link CheckRules}: the check belongs to the message the bot replied
 * to, and says which line of which rule gave its state.
 */
public final class BotChecks {

    private final CheckRules rules;

    public BotChecks(CheckRules rules) {
        this.rules = rules;
    }

    /**
     * A check the bot's reply gives.
     *
     * @param target      the Message-ID it reports on (the reply's parent)
     * @param description the line that gave the state, with the details the rules pick out
     * @param rule        why: the line, the state and the rule's place, e.g.
     *                    {@code "kernel test robot noticed the following build errors:" gave fail (checks.rules:12)}
     */
    public record Derived(String target, String context, String state, String targetUrl, String description,
                          String rule) {
    }

    /** Whether mail from this address is a bot's that the rules read. */
    public boolean isBot(String address) {
        return rules.botOf(address) != null;
    }

    public Optional<Derived> derive(ParsedMail mail) {
        String context = rules.botOf(mail.from().email());
        if (context == null || mail.parent() == null) {
            return Optional.empty();
        }
        List<String> own = mail.body().lines().filter(l -> !l.startsWith(">")).map(String::strip).toList();
        List<CheckRules.Rule> mine = rules.of(context);
        String state = null;
        String line = null;
        String origin = null;
        for (CheckRules.Rule r : mine) {
            if (!CheckRules.STATES.contains(r.kind())) {
                continue;
            }
            for (String l : own) {
                if (r.regex().matcher(l).find()) {
                    state = r.kind();
                    line = l;
                    origin = r.origin();
                    break;
                }
            }
            if (state != null) {
                break;
            }
        }
        if (state == null) {
            return Optional.empty();
        }
        String url = null;
        List<String> details = new ArrayList<>();
        for (CheckRules.Rule r : mine) {
            boolean isUrl = r.kind().equals("url");
            if (!isUrl && !r.kind().equals("detail")) {
                continue;
            }
            for (String l : own) {
                Matcher m = r.regex().matcher(l);
                if (m.find() && m.groupCount() >= 1 && m.group(1) != null) {
                    if (isUrl && url == null) {
                        url = m.group(1);
                    } else if (!isUrl && !details.contains(m.group(1))) {
                        details.add(m.group(1));
                    }
                }
            }
        }
        String title = line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
        String description = details.isEmpty() ? title : title + " (" + String.join(", ", details) + ")";
        return Optional.of(new Derived(mail.parent(), context, state, url, description,
                "\"" + line + "\" gave " + state + " (" + origin + ")"));
    }
}
