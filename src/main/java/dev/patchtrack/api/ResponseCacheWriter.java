package dev.patchtrack.api;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Keeps the bytes of an answer {@link ConditionalGet} marked cacheable, as they are written, in the
 * {@link ResponseCache} under its ETag.
 */
@Provider
public class ResponseCacheWriter implements WriterInterceptor {

    /** Headers an answer's bytes depend on, replayed with them. */
    static final List<String> HEADERS = List.of("Link", "X-Total-Count", "X-Next-Since", "X-Next-After",
            "Content-Disposition");

    @Inject
    Instance<ResponseCache> cache;

    @Override
    public void aroundWriteTo(WriterInterceptorContext ctx) throws IOException {
        Object key = ctx.getProperty(ConditionalGet.CACHE_KEY);
        if (!(key instanceof String etag)) {
            ctx.proceed();
            return;
        }
        OutputStream out = ctx.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ctx.setOutputStream(buffer);
        try {
            ctx.proceed();
        } finally {
            ctx.setOutputStream(out);
        }
        byte[] body = buffer.toByteArray();
        out.write(body);
        MultivaluedMap<String, Object> h = ctx.getHeaders();
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : HEADERS) {
            Object v = h.getFirst(name);
            if (v != null) {
                kept.put(name, String.valueOf(v));
            }
        }
        Object type = contentType(ctx);
        if (type != null) {
            cache.get().put(etag, new ResponseCache.Entry(body, String.valueOf(type), kept));
        }
    }

    /**
     * The type the bytes went out as. A resource that built its Response without one (the paged lists:
     * {@link Paging#response}) leaves it to content negotiation, which the writer context does not see:
     * the request knows it once the body is written.
     */
    private static Object contentType(WriterInterceptorContext ctx) {
        if (ctx.getMediaType() != null) {
            return ctx.getMediaType();
        }
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request != null && request.getResponseMediaType() != null) {
            return request.getResponseMediaType();
        }
        return ctx.getHeaders().getFirst("Content-Type");
    }
}
