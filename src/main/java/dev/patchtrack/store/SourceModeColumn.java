package dev.patchtrack.store;

import dev.patchtrack.core.model.SourceMode;
import jakarta.persistence.Converter;

/** A source's mode as the {@code source.mode} column holds it: its wire name. */
@Converter
public class SourceModeColumn extends WireColumn<SourceMode> {

    public SourceModeColumn() {
        super(SourceMode.class, "source mode");
    }
}
