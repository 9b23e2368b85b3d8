package dev.patchtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.EventKind;
import dev.patchtrack.core.model.SourceMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The words the API documents are the wire names of the core's types, and only those. */
class WireNamesTest {

    @Test
    void theDocumentedEventKindsAreTheWireNames() {
        assertThat(Arrays.asList(EventFilterParams.KINDS.split(", "))).isEqualTo(EventKind.wireNames());
    }

    @Test
    void everyEventKindTheReadmeAsksForIsKnown() throws IOException {
        Pattern asked = Pattern.compile("/api/events\\?(?:[a-z_]+=[^&\\s]*&)*kind=([a-z-]+)");
        Matcher m = asked.matcher(Files.readString(Path.of("README.md")));
        int found = 0;
        while (m.find()) {
            assertThat(EventKind.find(m.group(1))).as(m.group(1)).isPresent();
            found++;
        }
        assertThat(found).isPositive();
    }

    @Test
    void theReadmeNamesEverySourceModeAndNoOther() throws IOException {
        String row = Files.readString(Path.of("README.md")).lines()
                .filter(l -> l.startsWith("| `patchtrack.sources.<list>.mode` |")).findFirst().orElseThrow();
        List<String> named = new ArrayList<>();
        Matcher m = Pattern.compile("`([a-z]+)` \\(").matcher(row);
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).isEqualTo(SourceMode.wireNames());
    }
}
