package dev.patchtrack.core.rust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What changed for Rust from one release to the next, in words a reader scans: {@code rustc 1.78.0 ->
 * 1.85.0}, {@code riscv: can enable Rust (if CC_IS_CLANG)}, {@code loongarch: documented as Maintained}.
 */
public final class RustChanges {

    private RustChanges() {
    }

    /** The changes from {@code before} (null for the first release known) to {@code after}. */
    public static List<String> between(RustRelease before, RustRelease after) {
        List<String> out = new ArrayList<>();
        if (before == null) {
            return out;
        }
        tool(out, "rustc", before.rustcMin(), after.rustcMin());
        tool(out, "bindgen", before.bindgenMin(), after.bindgenMin());
        Map<String, RustArch> was = byArch(before);
        Map<String, RustArch> now = byArch(after);
        for (RustArch a : now.values()) {
            RustArch w = was.get(a.arch());
            if (a.haveRust() && (w == null || !w.haveRust())) {
                out.add(a.arch() + ": can enable Rust" + (a.condition() == null ? "" : " (if " + a.condition() + ")"));
            } else if (a.haveRust() && !Objects.equals(w.condition(), a.condition())) {
                out.add(a.arch() + ": Rust " + (a.condition() == null ? "without a condition" : "if " + a.condition())
                        + (w.condition() == null ? "" : " (was: if " + w.condition() + ")"));
            }
            if (a.support() != null && (w == null || !Objects.equals(w.support(), a.support()))) {
                out.add(a.arch() + ": documented as " + a.support()
                        + (w == null || w.support() == null ? "" : " (was " + w.support() + ")"));
            }
        }
        for (RustArch w : was.values()) {
            RustArch a = now.get(w.arch());
            if (w.haveRust() && (a == null || !a.haveRust())) {
                out.add(w.arch() + ": can no longer enable Rust");
            }
            if (w.support() != null && (a == null || a.support() == null)) {
                out.add(w.arch() + ": no longer documented");
            }
        }
        return out;
    }

    private static void tool(List<String> out, String name, String was, String now) {
        if (!Objects.equals(was, now)) {
            out.add(name + " " + (was == null ? "none" : was) + " -> " + (now == null ? "none" : now));
        }
    }

    private static Map<String, RustArch> byArch(RustRelease r) {
        Map<String, RustArch> out = new TreeMap<>();
        r.architectures().forEach(a -> out.put(a.arch(), a));
        return out;
    }
}
