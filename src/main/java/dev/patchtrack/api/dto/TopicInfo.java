package dev.patchtrack.api.dto;

/**
 * A topic and the rule that gave it.
 *
 * @param detail what the rule's named group matched, e.g. the architectures of {@code rust-arch}
 *               ({@code loongarch,riscv}); null when the rule names none
 */
public record TopicInfo(String topic, String reason, String detail) {
}
