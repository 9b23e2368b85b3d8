package dev.patchtrack.api.patchwork;

import dev.patchtrack.api.ApiProblem;
import dev.patchtrack.api.Filters;
import dev.patchtrack.api.Ids;
import dev.patchtrack.api.KnownValues;
import dev.patchtrack.api.Paging;
import dev.patchtrack.api.patchwork.PatchworkViews.Urls;
import dev.patchtrack.core.query.Nearest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading the Patchwork API's parameters and bodies as strictly as the rest of the API: sort keys,
 * id lists, words of {@code q}, the fields a write may carry; and answering a page as Patchwork does
 * (a bare JSON array with Link and X-Total-Count).
 */
final class PatchworkParams {

    private PatchworkParams() {
    }

    /** The service's absolute base, for the records' URLs. */
    static Urls urls(UriInfo uri) {
        return new Urls(dev.patchtrack.api.RequestUris.base(uri).toString());
    }

    /** {@code order=-date}: a key among {@code keys}, '-' first for descending; default {@code dflt}. */
    static Order order(String raw, List<String> keys, String dflt) {
        String v = raw == null || raw.isBlank() ? dflt : raw.strip();
        boolean desc = v.startsWith("-");
        String key = desc ? v.substring(1) : v;
        if (!keys.contains(key)) {
            throw ApiProblem.badParameter("order", KnownValues.unknown("order", v, keys.stream()
                    .flatMap(k -> java.util.stream.Stream.of(k, "-" + k)).toList()));
        }
        return new Order(key, desc);
    }

    record Order(String key, boolean descending) {
    }

    /** Ids, repeated or comma-separated. */
    static List<Long> ids(String name, List<String> raw) {
        List<Long> out = new ArrayList<>();
        for (String v : Filters.values(raw)) {
            out.add(Ids.parse(name, v));
        }
        return out;
    }

    /** The words of Patchwork's {@code q}: each must be part of the name. */
    static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.length() > 200) {
            throw ApiProblem.badParameter("q", "q is longer than 200 characters");
        }
        List<String> out = new ArrayList<>();
        for (String w : q.strip().split("[\\s,]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** A Message-ID as Patchwork takes it, with or without angle brackets. */
    static String msgid(String raw) {
        return raw == null || raw.isBlank() ? null : dev.patchtrack.api.Params.messageId(raw);
    }

    /** A page of records: a bare array, with Link and X-Total-Count. */
    static Response page(List<?> items, long total, Paging paging, UriInfo uri) {
        return paging.headers(Response.ok(items), uri, total).build();
    }

    /**
     * The fields of a write, as a form or as JSON, each checked against those the endpoint takes: an
     * unknown one is a 400 naming it and the nearest.
     */
    static Map<String, String> fields(Map<String, ?> body, List<String> known) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (body == null) {
            return out;
        }
        for (Map.Entry<String, ?> e : body.entrySet()) {
            String name = e.getKey();
            if (!known.contains(name)) {
                throw ApiProblem.badParameter(name, "unknown field '" + dev.patchtrack.api.Params.clip(name) + "'"
                        + Nearest.to(name, known).map(n -> "; did you mean " + n + "?").orElse(";")
                        + " this endpoint takes " + String.join(", ", known));
            }
            Object v = e.getValue();
            if (v instanceof List<?> l) {
                v = l.isEmpty() ? null : l.get(0);
            }
            out.put(name, v == null ? null : String.valueOf(v));
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A write's body, a form (as git-pw sends it) or a JSON object (as other clients do), as its
     * fields; a body that is neither is a 400.
     */
    static Map<String, ?> body(String body, jakarta.ws.rs.core.MediaType type) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        if (type != null && type.getSubtype().endsWith("json")) {
            try {
                return JSON.readValue(body, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            } catch (java.io.IOException e) {
                throw ApiProblem.badParameter(null, "the body is not a JSON object of fields");
            }
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter(null, "the form is not URL-encoded: " + e.getMessage());
        }
    }

    /** A Patchwork client, as the event log names it. */
    static String client(String userAgent) {
        String ua = userAgent == null || userAgent.isBlank() ? "a client" : userAgent.strip();
        return "Patchwork API (" + (ua.length() > 80 ? ua.substring(0, 80) : ua) + ")";
    }

    static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
