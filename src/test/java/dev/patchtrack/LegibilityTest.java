package dev.patchtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What lets a reader find their way without searching the tree: every package says in its
 * {@code package-info.java} what lives there and what it may import, and every file that
 * docs/architecture.md links to exists, so that its map from concept to file stays one hop.
 */
class LegibilityTest {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "patchtrack");
    private static final Path MAP = Path.of("docs", "architecture.md");
    /** An inline link's target ({@code [text](target)}) or a reference definition's ({@code [label]: target}). */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)[^)]*\\)|(?m)^\\s*\\[[^\\]]+\\]:\\s*(\\S+)");

    @Test
    void everyPackageHasAPackageInfoThatSaysSomething() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path info = dir.resolve("package-info.java");
                if (!Files.isRegularFile(info) || !Files.readString(info).contains("/**")) {
                    missing.add(dir.toString());
                }
            }
        }
        assertThat(missing).as("packages without a package-info.java whose comment says what lives there and"
                + " what it may import").isEmpty();
    }

    @Test
    void everyFileTheArchitectureMapLinksToExists() throws IOException {
        assertThat(MAP).as("the map from concept to file").isRegularFile();
        List<String> targets = new ArrayList<>();
        Matcher m = LINK.matcher(Files.readString(MAP));
        while (m.find()) {
            String target = m.group(1) != null ? m.group(1) : m.group(2);
            if (!target.contains("://") && !target.startsWith("#") && !target.startsWith("mailto:")) {
                targets.add(target);
            }
        }
        assertThat(targets).as("links to files in %s", MAP).isNotEmpty();
        List<String> broken = new ArrayList<>();
        for (String target : targets) {
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            if (!Files.exists(MAP.getParent().resolve(file).normalize())) {
                broken.add(target);
            }
        }
        assertThat(broken).as("links in %s to files that do not exist", MAP).isEmpty();
    }
}
