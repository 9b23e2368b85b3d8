package dev.patchtrack.api.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A CI result to record on a patch, in Patchwork's shape.
 *
 * @param state       pending, success, warning or fail
 * @param context      what ran, a slug such as {@code build-clang}; {@code default} when absent
 * @param targetUrl   where the details are, an http(s) URL, optional
 * @param description one line, optional
 * @param by          who reports it; the client's User-Agent when absent
 */
public record CheckInput(String state, String context, @JsonProperty("target_url") String targetUrl,
                         String description, String by) {
}
