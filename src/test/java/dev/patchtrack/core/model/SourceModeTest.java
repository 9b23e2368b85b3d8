package dev.patchtrack.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Source modes by the names settings, the API and the database use. */
class SourceModeTest {

    @Test
    void everyModeReadsBackFromItsWireName() {
        for (SourceMode m : SourceMode.values()) {
            assertThat(SourceMode.fromWire(m.wireName())).isEqualTo(m);
        }
        assertThat(SourceMode.wireNames()).containsExactly("git", "atom", "query");
    }

    @Test
    void anUnknownWireNameNamesNoMode() {
        assertThat(SourceMode.find("GIT")).isEmpty();
        assertThat(SourceMode.find("mbox")).isEmpty();
        assertThatThrownBy(() -> SourceMode.fromWire("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source mode");
    }
}
