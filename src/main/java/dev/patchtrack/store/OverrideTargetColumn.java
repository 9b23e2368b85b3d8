package dev.patchtrack.store;

import dev.patchtrack.core.model.OverrideTarget;
import jakarta.persistence.Converter;

/** An override's target as the {@code state_override.target} column holds it: its wire name. */
@Converter
public class OverrideTargetColumn extends WireColumn<OverrideTarget> {

    public OverrideTargetColumn() {
        super(OverrideTarget.class, "override target");
    }
}
