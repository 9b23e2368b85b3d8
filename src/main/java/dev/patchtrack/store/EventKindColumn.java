package dev.patchtrack.store;

import dev.patchtrack.core.model.EventKind;
import jakarta.persistence.Converter;

/** An event's kind as the {@code event.kind} column holds it: its wire name. */
@Converter
public class EventKindColumn extends WireColumn<EventKind> {

    public EventKindColumn() {
        super(EventKind.class, "event kind");
    }
}
