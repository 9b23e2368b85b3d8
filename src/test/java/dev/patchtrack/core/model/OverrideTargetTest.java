package dev.patchtrack.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Override targets by the names events and the database use. */
class OverrideTargetTest {

    @Test
    void everyTargetReadsBackFromItsWireName() {
        for (OverrideTarget t : OverrideTarget.values()) {
            assertThat(OverrideTarget.fromWire(t.wireName())).isEqualTo(t);
        }
        assertThat(OverrideTarget.wireNames()).containsExactly("series", "patch");
        assertThat(OverrideTarget.find("revision")).isEmpty();
    }
}
