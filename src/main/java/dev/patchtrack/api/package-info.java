/**
 * The HTTP edge: one {@code *Resource} per kind of thing, each parsing its parameters strictly (an
 * unknown parameter or closed-set value is a 400 naming it and the nearest known one), calling the
 * store or a service and mapping rows to the records of {@code api.dto}; problem+json for every error
 * ({@code ProblemMappers}); what every request passes first ({@code RequestLineGuard}: malformed request
 * lines, hosts, body sizes; the token filter); pagination, conditional GET and its response cache,
 * versioned paths, health checks and the OpenAPI document. {@code api.text} renders the records for a
 * terminal, {@code api.patchwork} serves Patchwork's REST API.
 */
package dev.patchtrack.api;
