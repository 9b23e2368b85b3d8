package dev.patchtrack.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Every series as the API shows it, database ids left out, in a stable order: to compare two ingests. */
public final class SeriesSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeriesSnapshot() {
    }

    public static TreeSet<String> take() {
        TreeSet<String> out = new TreeSet<>();
        int page = 1;
        while (true) {
            JsonNode list = read(given().queryParam("per_page", 500).queryParam("page", page).get("/api/series")
                    .then().statusCode(200).extract().asString());
            JsonNode items = list.get("items");
            if (items == null || items.isEmpty()) {
                return out;
            }
            for (JsonNode item : items) {
                JsonNode detail = read(given().get("/api/series/{id}", item.get("id").asLong())
                        .then().statusCode(200).extract().asString());
                strip(detail);
                out.add(detail.toString());
            }
            page++;
        }
    }

    /** Fails with only the series that differ (written in full to target/snapshot-WHAT.txt). */
    public static void assertSame(String what, java.util.Set<String> actual, java.util.Set<String> expected) {
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            return;
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "snapshot-" + what + ".txt"),
                    "MISSING\n" + String.join("\n", missing) + "\nEXTRA\n" + String.join("\n", extra) + "\n");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError(what + ": " + missing.size() + " series missing, " + extra.size()
                + " unexpected (see target/snapshot-" + what + ".txt)");
    }

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Database ids, and the links made of them. */
    private static final List<String> IDS = List.of("id", "seriesId", "revisionId", "patchId", "rangeDiff");

    /**
     * Ids made up for mail that had none or reused one. They differ by design between a plain import
     * and lore: public-inbox stores such mail with a Message-ID of its own ({@code <...@z>}, or an
     * added second header), so its bytes, and the id patchtrack derives from them, are not the
     * file's. The series they take part in must still be the same.
     */
    private static final java.util.regex.Pattern SYNTHETIC =
            java.util.regex.Pattern.compile("patchtrack\\.[0-9a-f]{32}@synthetic|\\d{14}\\.[A-Za-z0-9_-]{20,}@z");

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(IDS);
            JsonNode mid = o.get("messageId");
            if (mid != null && mid.isTextual() && SYNTHETIC.matcher(mid.asText()).matches()) {
                o.put("messageId", "(synthetic)");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                strip(it.next().getValue());
            }
        } else if (n.isArray()) {
            n.forEach(SeriesSnapshot::strip);
        }
    }
}
