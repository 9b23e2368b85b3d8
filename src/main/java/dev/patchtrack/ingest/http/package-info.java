/**
 * Every outbound request: the one HTTP client ({@link dev.patchtrack.ingest.http.HttpFetcher}) with its
 * allowlist of hosts and ports, address checks, deadlines, body limits and retries; the HTTP/1.1
 * exchange it runs on a socket of its own ({@code Wire}); JGit's transport on the same terms
 * ({@code GitTransport}, {@code GitMirrors}); and which addresses are never fetched ({@code AddressPolicy}).
 */
package dev.patchtrack.ingest.http;
