package dev.patchtrack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.patchtrack.core.series.SeriesBuilder;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: the parsed result of every mail fixture (what the reader, parser and analyser make of each
 * message, and for series fixtures the series built from them) is kept as JSON under fixtures/expected/ and
 * compared field by field, so that a change in behaviour shows up as a list of paths with their old and new
 * values.
 *
 * <p>The fixtures are the project's own, under fixtures/mail and fixtures/series, and Patchwork's, read in
 * place from ../shared/corpus/patchwork: its mail/ and fuzz/ as {@code mail/<name>}, its series/ as
 * {@code series/<name>} (and four of those also as {@code mail/<name>}). The golden of {@code mail/<name>.mbox}
 * is fixtures/expected/mail-&lt;name&gt;.json wherever the file lives.
 *
 * <p>After a deliberate change, regenerate them and review the diff in git:
 * {@code ./mvnw -o test -Dtest=GoldenFilesTest -Dgolden.update=true}.
 */
class GoldenFilesTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path EXPECTED = Path.of("src", "test", "resources", "fixtures", "expected");
    private static final int BODY_START = 400;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Patchwork series mboxes that are also parsed as plain mail, each with a mail-&lt;name&gt;.json golden. */
    private static final List<String> SERIES_AS_MAIL = List.of("base-cover-letter.mbox", "base-out-of-order.mbox",
            "bugs-multiple-content-types.mbox", "revision-basic.mbox");

    private static Map<String, Path> sources;

    /** Fixture name ({@code mail/x.mbox}, {@code series/y.mbox}) to the file holding it. */
    static synchronized Map<String, Path> sources() throws IOException {
        if (sources != null) {
            return sources;
        }
        Map<String, Path> out = new TreeMap<>();
        // the sources, not target/test-classes, which may still hold files deleted since
        Path root = EXPECTED.getParent();
        for (String dir : List.of("mail", "series")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                for (Path p : files.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.equals(".gitattributes") && !name.endsWith(".template")) {
                        add(out, dir + "/" + name, p);
                    }
                }
            }
        }
        for (String dir : List.of("mail", "fuzz")) {
            for (String name : Corpus.patchworkFiles(dir)) {
                add(out, "mail/" + name, Corpus.patchwork(dir + "/" + name));
            }
        }
        for (String name : Corpus.patchworkFiles("series")) {
            if (!name.endsWith(".template")) {
                add(out, "series/" + name, Corpus.patchwork("series/" + name));
            }
        }
        for (String name : SERIES_AS_MAIL) {
            add(out, "mail/" + name, Corpus.patchwork("series/" + name));
        }
        sources = Map.copyOf(out);
        return sources;
    }

    private static void add(Map<String, Path> sources, String fixture, Path file) {
        Path earlier = sources.put(fixture, file);
        assertThat(earlier).as("%s is both %s and %s", fixture, earlier, file).isNull();
    }

    static Stream<String> fixtures() throws IOException {
        return sources().keySet().stream().sorted();
    }

    private static Path golden(String fixture) {
        return EXPECTED.resolve(fixture.replace('/', '-').replaceAll("\\.(mbox|eml|bin|mbox\\.gz)$", "") + ".json");
    }

    @Test
    void everyGoldenFileHasItsFixture() throws IOException {
        List<String> expected;
        try (Stream<Path> files = Files.list(EXPECTED)) {
            expected = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> covered = sources().keySet().stream().map(f -> golden(f).getFileName().toString()).toList();
        assertThat(covered).as("golden files without a fixture (is the shared corpus complete?)")
                .containsAll(expected);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parsedResultMatchesTheGoldenFile(String fixture) throws IOException {
        JsonNode actual = describe(fixture, Files.readAllBytes(sources().get(fixture)));
        Path golden = golden(fixture);
        if (UPDATE || !Files.exists(golden)) {
            boolean created = !Files.exists(golden);
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
            assertThat(created && !UPDATE).as("%s had no golden file: %s was written, review it and run again", fixture,
                    golden).isFalse();
            return;
        }
        JsonNode expected = JSON.readTree(Files.readString(golden, StandardCharsets.UTF_8));
        List<String> diff = diff(flatten(expected), flatten(actual));
        assertThat(diff).as("%s differs from %s (regenerate with -Dgolden.update=true if intended)", fixture, golden)
                .isEmpty();
    }

    private static JsonNode describe(String fixture, byte[] file) {
        List<Pipeline.Parsed> parsed = Pipeline.parse(file);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        for (Pipeline.Parsed p : parsed) {
            ObjectNode m = messages.addObject();
            m.put("offset", p.entry().offset());
            m.put("truncated", p.entry().truncated());
            m.set("readerProblems", JSON.valueToTree(p.entry().problems()));
            m.put("readable", p.mail().readable());
            m.put("subject", p.mail().subject());
            String body = p.mail().body() == null ? "" : p.mail().body();
            m.put("bodyChars", body.length());
            m.put("bodyStart", body.substring(0, Math.min(BODY_START, body.length())));
            m.put("attachments", p.mail().attachments().size());
            m.set("facts", JSON.valueToTree(p.facts()));
        }
        if (fixture.startsWith("series/")) {
            root.set("series", JSON.valueToTree(new SeriesBuilder().build(parsed.stream().map(Pipeline.Parsed::facts).toList())));
        }
        return root;
    }

    /** Path to value, for every leaf: {@code messages[0].facts.diff.insertions -> 3}. */
    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            if (!it.hasNext()) {
                out.put(path, "{}");
            }
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.toString());
        }
    }

    private static List<String> diff(Map<String, String> expected, Map<String, String> actual) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String a = actual.get(e.getKey());
            if (a == null) {
                out.add(e.getKey() + ": " + e.getValue() + " -> (gone)");
            } else if (!a.equals(e.getValue())) {
                out.add(e.getKey() + ": " + e.getValue() + " -> " + a);
            }
        }
        for (Map.Entry<String, String> e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                out.add(e.getKey() + ": (new) " + e.getValue());
            }
        }
        return out;
    }
}
