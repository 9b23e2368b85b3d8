package dev.patchtrack.web;

import dev.patchtrack.api.dto.ProblemInfo;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every HTML answer forbids script and anything from elsewhere, so even markup that escaped the
 * escaping could not run: styles only from this server, forms only to it, no framing. A problem the
 * API's filters answered for a page before it ran (an unknown parameter) becomes an error page too.
 */
public class PageHeaders {

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @ServerResponseFilter
    public void policy(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (resource != null && resource.getResourceClass() == Pages.class
                && response.getEntity() instanceof ProblemInfo p) {
            String page = Pages.Templates.error(p.status(), p.title(), p.detail()).render();
            response.setEntity(page, new Annotation[0], HTML);
        }
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle("Content-Security-Policy", POLICY);
            response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        }
    }
}
