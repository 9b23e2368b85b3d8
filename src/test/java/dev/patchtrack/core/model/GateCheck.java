package dev.patchtrack.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.Pipeline;
import dev.patchtrack.support.RealMail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Holds a {@link Keywords} gate against the regular expression it stands before: on every line given and
 * on every line of the real mail, wherever the expression finds a match the gate must let the line through.
 */
public final class GateCheck {

    private static List<String> realLines;

    private GateCheck() {
    }

    /** Every line of the bodies of the real mail beside the checkout (both archives), at most 2,000 characters. */
    public static synchronized List<String> realLines() {
        if (realLines == null) {
            List<String> out = new ArrayList<>();
            for (RealMail.Archive a : RealMail.Archive.values()) {
                for (Pipeline.Parsed p : Pipeline.parse(RealMail.bytes(a))) {
                    for (String l : p.mail().body().split("\n")) {
                        if (l.length() <= 2000) {
                            out.add(l);
                        }
                    }
                }
            }
            realLines = Collections.unmodifiableList(out);
        }
        return realLines;
    }

    /** Asserts that the gate passes each of {@code lines} the pattern finds a match in; returns how many matched. */
    public static int holds(Keywords gate, Pattern p, List<String> lines) {
        List<String> stopped = new ArrayList<>();
        int matched = 0;
        for (String l : lines) {
            if (p.matcher(l).find()) {
                matched++;
                if (!gate.in(l)) {
                    stopped.add(l);
                }
            }
        }
        assertThat(stopped).as("lines %s matches but the gate stops", p).isEmpty();
        return matched;
    }

    /** {@link #holds} on the given lines, each of which the pattern must match, then on the real mail. */
    public static void holdsOnRealMail(Keywords gate, Pattern p, String... matching) {
        assertThat(holds(gate, p, List.of(matching))).as("tricky lines that %s matches", p).isEqualTo(matching.length);
        holds(gate, p, realLines());
    }
}
