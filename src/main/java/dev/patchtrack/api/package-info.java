/**
 * The HTTP edge: resources that parse a request, call the store or a service and map the answer to
 * the records of {@code api.dto}; problem+json for every error ({@code ProblemMappers}); what every
 * request passes first ({@code RequestLineGuard}: malformed request lines, hosts, body sizes; the token
 * filter); paging, conditional GET, the response cache, feeds and health checks.
 */
package dev.patchtrack.api;
