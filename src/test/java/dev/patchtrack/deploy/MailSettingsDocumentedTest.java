package dev.patchtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.MailLimits;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mail limits' defaults are written once, in {@link MailLimits#DEFAULTS}; the settings tables of
 * docs/operations.md and the README repeat them for readers, and must say the same numbers.
 */
class MailSettingsDocumentedTest {

    @Test
    void everyMailLimitIsASetting() {
        List<String> settings = Arrays.stream(PatchtrackConfig.Mail.class.getDeclaredMethods()).map(m -> m.getName()).toList();

        assertThat(settings).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(MailLimits.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void theSettingsTablesGiveEachMailLimitItsDefault() throws Exception {
        for (Path doc : List.of(DeployFilesTest.OPERATIONS, Path.of("README.md"))) {
            assertThat(wrongRows(Files.readString(doc))).as(doc.toString()).isEmpty();
        }
    }

    private static List<String> wrongRows(String doc) throws ReflectiveOperationException {
        List<String> wrong = new ArrayList<>();
        for (RecordComponent c : MailLimits.class.getRecordComponents()) {
            String row = "| `patchtrack.mail." + DeployFilesTest.kebab(c.getName()) + "` | "
                    + c.getAccessor().invoke(MailLimits.DEFAULTS) + " |";
            if (!doc.contains(row)) {
                wrong.add(row);
            }
        }
        return wrong;
    }
}
