package dev.patchtrack.core.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a patch's checks add up to, and what a failing one adds to a state's reason. */
public final class Checks {

    private Checks() {
    }

    /** One check as the rules below see it: the latest of a context counts. */
    public record Result(String context, String state, String description) {
    }

    /** Patchwork's combined check: pending with none, else the worst of the latest check of each context. */
    public static String combined(List<Result> checks) {
        Map<String, String> latest = new LinkedHashMap<>();
        checks.forEach(c -> latest.put(c.context(), c.state()));
        if (latest.isEmpty()) {
            return "pending";
        }
        String worst = "success";
        for (String s : latest.values()) {
            if (CheckRules.STATES.indexOf(s) >= 0 && CheckRules.STATES.indexOf(s) < CheckRules.STATES.indexOf(worst)) {
                worst = s;
            }
        }
        return worst;
    }

    /**
     * The state with each failing check (the latest of its context) named after its reason, e.g.
     * {@code ...; kernel-test-robot failed: kernel test robot noticed the following build errors (um-randconfig)}.
     * The state itself stays: a failed build is a fact for the reviewers, not a verdict.
     */
    public static StateReason withFailures(StateReason state, List<Result> checks) {
        Map<String, Result> latest = new LinkedHashMap<>();
        checks.forEach(c -> latest.put(c.context(), c));
        StringBuilder because = new StringBuilder(state.because());
        for (Result c : latest.values()) {
            if (c.state().equals("fail")) {
                String what = c.context() + " failed" + (c.description() == null || c.description().isBlank() ? ""
                        : ": " + c.description().strip().lines().findFirst().orElse(""));
                if (because.indexOf(what) < 0) {
                    because.append("; ").append(what);
                }
            }
        }
        return because.length() == state.because().length() ? state
                : new StateReason(state.state(), state.messageId(), state.person(), because.toString());
    }
}
