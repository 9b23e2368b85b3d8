package dev.patchtrack.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Event kinds by the names the API, the feeds and the database use. */
class EventKindTest {

    @Test
    void anUnknownWireNameNamesNoKind() {
        assertThat(EventKind.find("revision_posted")).isEmpty();
        assertThat(EventKind.find("Revision-Posted")).isEmpty();
        assertThatThrownBy(() -> EventKind.fromWire("posted")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyCheckKindsAreChecks() {
        assertThat(EventKind.values()).filteredOn(EventKind::isCheck)
                .containsExactly(EventKind.CHECK_CREATED, EventKind.CHECK_CHANGED);
    }
}
