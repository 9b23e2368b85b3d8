package dev.patchtrack.core.classify;

/**
 * A topic given to a revision, a series or an article, with the reason: which rule matched what.
 *
 * @param topic  rust-core, rust-nvme, rust-9p, rust-block, rust-net, rust-drm, rust-other or not-rust
 * @param reason the rule and the evidence, e.g. {@code path fs/9p/fid.rs matched path "fs/9p/**" (topics.rules:30)}
 */
public record TopicLabel(String topic, String reason) {
}
