package dev.patchtrack.store;

import dev.patchtrack.core.model.EventKind;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** An event's kind as the {@code event.kind} column holds it: its wire name. */
@Converter
public class EventKindColumn implements AttributeConverter<EventKind, String> {

    @Override
    public String convertToDatabaseColumn(EventKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public EventKind convertToEntityAttribute(String column) {
        return column == null ? null : EventKind.fromWire(column);
    }
}
