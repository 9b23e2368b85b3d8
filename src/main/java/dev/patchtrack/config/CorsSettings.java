package dev.patchtrack.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code patchtrack.cors.origins} drives Quarkus's own CORS filter: when it names origins, it turns the
 * filter on ({@code quarkus.http.cors.enabled}) and becomes its {@code quarkus.http.cors.origins}; the
 * rest of the policy (GET and HEAD only, no credentials, the headers scripts may read) is fixed in
 * application.properties. Unset, nothing changes: no CORS. An explicit {@code quarkus.http.cors.*}
 * setting still wins. A value that is not an origin stops the start with the setting named, instead
 * of a filter that silently never matches (an origin never has a path or a trailing slash).
 */
public class CorsSettings implements ConfigSourceInterceptor {

    public static final String ORIGINS = "patchtrack.cors.origins";
    static final String ENABLED = "quarkus.http.cors.enabled";
    static final String QUARKUS_ORIGINS = "quarkus.http.cors.origins";

    private static final Pattern ORIGIN = Pattern.compile(
            "https?://([a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!ENABLED.equals(name) && !QUARKUS_ORIGINS.equals(name)) {
            return context.proceed(name);
        }
        ConfigValue own = context.proceed(name);
        if (own != null && own.getValue() != null && !own.getValue().isBlank() && own.getConfigSourceOrdinal() > 0) {
            return own; // set by someone (defaults come from sources of negative ordinal)
        }
        ConfigValue ours = context.proceed(ORIGINS);
        List<String> origins = origins(ours == null ? null : ours.getValue());
        if (origins.isEmpty()) {
            return own;
        }
        return ours.withName(name).withValue(ENABLED.equals(name) ? "true" : String.join(",", origins));
    }

    /**
     * The origins a setting names, checked: each {@code http(s)://host[:port]} (a name, or an IPv6
     * address in brackets), or {@code *} alone. Empty for none.
     *
     * @throws IllegalArgumentException naming the setting and the value that is not an origin
     */
    public static List<String> origins(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String raw : value.split(",")) {
            String o = raw.strip();
            if (o.isEmpty()) {
                continue;
            }
            if (!o.equals("*") && !validOrigin(o)) {
                throw new IllegalArgumentException(ORIGINS + ": '" + o + "' is not an origin; write scheme://host[:port]"
                        + " with no path and no trailing slash (https://dash.example.org, http://localhost:3000), or * alone");
            }
            out.add(o.equals("*") ? o : o.toLowerCase(Locale.ROOT)); // browsers send origins in lower case
        }
        if (out.contains("*") && out.size() > 1) {
            throw new IllegalArgumentException(ORIGINS + ": * allows every origin and stands alone, not in a list with "
                    + String.join(", ", out.stream().filter(o -> !o.equals("*")).toList()));
        }
        return out;
    }

    private static boolean validOrigin(String o) {
        if (!ORIGIN.matcher(o.toLowerCase(Locale.ROOT)).matches()) {
            return false;
        }
        int colon = o.lastIndexOf(':');
        if (colon > o.indexOf("://") && !o.endsWith("]")) {
            int port = Integer.parseInt(o.substring(colon + 1));
            return port > 0 && port <= 65535;
        }
        return true;
    }
}
