package dev.patchtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Clients switch on problem codes, so the README names every one. */
class ProblemCodesDocumentedTest {

    @Test
    void theReadmeNamesEveryProblemCode() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(Arrays.stream(Problem.Code.values()).map(c -> "`" + c.wireName() + "`"))
                .allSatisfy(code -> assertThat(readme).contains(code));
    }
}
