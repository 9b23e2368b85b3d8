package dev.patchtrack.api;

import java.util.function.Supplier;

/**
 * An answer already written as JSON (a kept document), with the way to the record it was written from,
 * for a reader who asked for text ({@link dev.patchtrack.api.text.TextFormat} renders the record).
 * {@link JsonDocumentWriter} writes the bytes as they are.
 */
public record JsonDocument(byte[] body, Supplier<Object> record) {
}
