package dev.patchtrack.api;

import dev.patchtrack.api.text.TextFormat;
import dev.patchtrack.core.query.Nearest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the endpoint does not take is refused with a 400 that names it and the nearest
 * one it does take ({@code ?topc=rust-nvme}: "did you mean topic?"), instead of an answer that
 * silently ignored it. What an endpoint takes is what its method declares: its {@code @QueryParam}s,
 * those of its {@code @BeanParam}s, and under {@code /api/} the text view's {@code format} and
 * {@code width}. Runs after authentication, before conditional GET.
 */
public class StrictParameters {

    private final Map<Method, SortedSet<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION + 500)
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        SortedSet<String> takes = known.computeIfAbsent(method, StrictParameters::declared);
        String path = request.getUriInfo().getPath();
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            boolean textView = TextFormat.covers(path);
            if (name.isBlank() || takes.contains(name) || (textView && TextFormat.PARAMETERS.contains(name))) {
                continue;
            }
            SortedSet<String> all = new TreeSet<>(takes);
            if (textView) {
                all.addAll(TextFormat.PARAMETERS);
            }
            return Optional.of(ProblemMappers.problem(400, "Bad parameter", unknown(name, all), name, path));
        }
        return Optional.empty();
    }

    /** {@code unknown parameter 'topc'; did you mean topic? This endpoint takes: ...}. */
    static String unknown(String name, SortedSet<String> takes) {
        String clipped = Params.clip(name);
        if (takes.isEmpty()) {
            return "unknown parameter '" + clipped + "'; this endpoint takes no query parameters";
        }
        return "unknown parameter '" + clipped + "'" + Nearest.to(name, takes).map(n -> "; did you mean " + n + "?")
                .orElse(";") + " this endpoint takes " + String.join(", ", takes);
    }

    /** The query parameters a resource method declares, directly or through bean parameters. */
    static SortedSet<String> declared(Method method) {
        SortedSet<String> out = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q) {
                    out.add(q.value());
                } else if (a instanceof BeanParam) {
                    for (Class<?> c = types[i]; c != null && c != Object.class; c = c.getSuperclass()) {
                        for (Field f : c.getDeclaredFields()) {
                            QueryParam q = f.getAnnotation(QueryParam.class);
                            if (q != null) {
                                out.add(q.value());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
