package dev.patchtrack.core.classify;

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
}
