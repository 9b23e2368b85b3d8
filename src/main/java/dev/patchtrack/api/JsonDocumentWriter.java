package dev.patchtrack.api;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes a {@link JsonDocument}: its bytes, unchanged. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class JsonDocumentWriter implements MessageBodyWriter<JsonDocument> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonDocument.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(JsonDocument document, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(document.body());
    }
}
