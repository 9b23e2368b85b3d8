package dev.patchtrack.core.classify;

import java.util.Collection;
import java.util.List;

/**
 * A topic given to a revision, a series or an article, with the reason: which rule matched what.
 *
 * @param topic  rust-core, rust-toolchain, rust-arch, rust-nvme, rust-9p, rust-block, rust-net, rust-drm,
 *               rust-other or not-rust
 * @param reason the rule and the evidence, e.g. {@code path fs/9p/fid.rs matched path "fs/9p/**" (topics.rules:30)}
 * @param detail what a rule's named group matched, e.g. the architectures of {@code rust-arch}
 *               ({@code loongarch,riscv}); null when no rule names one
 */
public record TopicLabel(String topic, String reason, String detail) {

    public TopicLabel(String topic, String reason) {
        this(topic, reason, null);
    }

    /**
     * A detail as labels, the API and the {@code detail} columns keep it: the values comma-joined in the
     * order given; null when there are none. The values (architecture names) never contain a comma.
     */
    public static String detail(Collection<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    /**
     * The values of {@code detail}: none for null; split at the commas as {@link String#split} splits, so
     * {@code ""} (a named group that matched nothing) is the one value {@code ""}.
     */
    public static List<String> values(String detail) {
        return detail == null ? List.of() : List.of(detail.split(","));
    }
}
