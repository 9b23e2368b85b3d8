package dev.patchtrack.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A CI check on a patch, in Patchwork's shape (state, context, target_url, description) with where it
 * came from.
 *
 * @param state  pending, success, warning or fail
 * @param source the bot's message it was derived from, or who posted it
 * @param date   when the bot wrote, or when it was posted
 */
public record CheckInfo(long id, String state, String context,
                        @JsonProperty("target_url") String targetUrl, String description, Source source,
                        Instant date) {

    /**
     * Where a check came from.
     *
     * @param kind      {@code mail} (derived from a bot's reply) or {@code posted} (through the API)
     * @param messageId for {@code mail}: the bot's message
     * @param by        the bot's name, or the client that posted it
     * @param rule      for {@code mail}: the line and the check rule that gave the state
     */
    public record Source(String kind, @JsonInclude(JsonInclude.Include.NON_NULL) String messageId, String by,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String rule) {
    }
}
