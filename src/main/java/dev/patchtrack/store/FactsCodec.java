package dev.patchtrack.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.patchtrack.core.model.MailFacts;

/**
 * MailFacts as stored in {@code message.facts}: JSON of the record components only, so that a
 * rebuild of series reads the facts without parsing raw mail again.
 */
public final class FactsCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    private FactsCodec() {
    }

    public static String write(MailFacts facts) {
        try {
            return MAPPER.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write facts of " + facts.messageId(), e);
        }
    }

    public static MailFacts read(String json) {
        try {
            return MAPPER.readValue(json, MailFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored facts: " + e.getOriginalMessage(), e);
        }
    }
}
