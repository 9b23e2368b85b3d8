package dev.patchtrack.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.review.ReviewState;
import dev.patchtrack.core.series.SeriesModel.LinkReason;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every enum of shared words spells its constants by the one rule, and reads them back. */
class WireWordTest {

    static Stream<Class<? extends Enum<?>>> words() {
        return Stream.of(EventKind.class, SourceMode.class, OverrideTarget.class, ReviewState.class, LinkReason.class);
    }

    @ParameterizedTest
    @MethodSource("words")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyConstantReadsBackFromItsWireName(Class<? extends Enum<?>> type) {
        for (Enum<?> constant : type.getEnumConstants()) {
            String wire = ((WireWord) constant).wireName();
            assertThat(wire).isEqualTo(constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            assertThat(WireNames.fromWire((Class) type, wire, "word")).isSameAs(constant);
        }
        assertThat(WireNames.all((Class) type)).hasSize(type.getEnumConstants().length).doesNotHaveDuplicates();
    }
}
