package dev.patchtrack.core.rust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which architectures support Rust: the table of {@code Documentation/rust/arch-support.rst} and the
 * {@code select HAVE_RUST} lines of each {@code arch/<arch>/Kconfig}. The Kconfig decides whether a build
 * can enable Rust; the document says how well it is supported. Either may name an architecture the
 * other does not (the document lags behind, or lists {@code um} whose Kconfig selects it under
 * conditions); both are kept.
 */
public final class ArchSupport {

    /** A table row: {@code ``riscv``     Maintained        ``riscv64`` and LLVM/Clang only.} */
    private static final Pattern ROW = Pattern.compile("^``([A-Za-z0-9_-]+)``\\s+(\\S+(?: \\S+)*?)(?:\\s{2,}(.*))?$");
    private static final Pattern SELECT = Pattern.compile("^\\s*select\\s+HAVE_RUST\\b(?:\\s+if\\s+([^#]+?))?\\s*(?:#.*)?$");

    private ArchSupport() {
    }

    /** A documented level of support and its constraints. */
    public record Documented(String support, String constraints) {
    }

    /** The architectures the document's table lists, in its order. */
    public static Map<String, Documented> document(String rst) {
        Map<String, Documented> out = new LinkedHashMap<>();
        if (rst == null) {
            return out;
        }
        for (String line : rst.split("\r?\n")) {
            Matcher m = ROW.matcher(line.stripTrailing());
            if (m.matches()) {
                String constraints = m.group(3) == null ? null : m.group(3).strip();
                if (constraints != null && (constraints.isEmpty() || constraints.equals("\\-") || constraints.equals("-"))) {
                    constraints = null;
                }
                out.put(m.group(1), new Documented(m.group(2).strip(), constraints));
            }
        }
        return out;
    }

    /**
     * Whether a Kconfig selects {@code HAVE_RUST}: null when it does not, else the condition ("" when it
     * has none; several {@code select} lines are joined with {@code ||}).
     */
    public static String selectsHaveRust(String kconfig) {
        if (kconfig == null) {
            return null;
        }
        List<String> conditions = new ArrayList<>();
        boolean any = false;
        boolean always = false;
        for (String line : kconfig.split("\r?\n")) {
            Matcher m = SELECT.matcher(line);
            if (m.matches()) {
                any = true;
                if (m.group(1) == null) {
                    always = true;
                } else {
                    conditions.add(m.group(1).strip());
                }
            }
        }
        if (!any) {
            return null;
        }
        return always ? "" : String.join(" || ", conditions);
    }

    /**
     * The architectures that support Rust by either source, by name.
     *
     * @param kconfigs each architecture's {@code arch/<arch>/Kconfig} text, by architecture
     * @param document the text of {@code Documentation/rust/arch-support.rst}, null when the release has none
     */
    public static List<RustArch> of(Map<String, String> kconfigs, String document) {
        Map<String, Documented> doc = document(document);
        Map<String, RustArch> out = new TreeMap<>();
        kconfigs.forEach((arch, text) -> {
            String condition = selectsHaveRust(text);
            if (condition != null) {
                Documented d = doc.get(arch);
                out.put(arch, new RustArch(arch, true, condition.isEmpty() ? null : condition,
                        d == null ? null : d.support(), d == null ? null : d.constraints()));
            }
        });
        doc.forEach((arch, d) -> out.putIfAbsent(arch, new RustArch(arch, false, null, d.support(), d.constraints())));
        return List.copyOf(out.values());
    }
}
