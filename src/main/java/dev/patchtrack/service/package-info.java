/**
 * Services the API and the web pages call for what needs only the store: {@link dev.patchtrack.service.Reads},
 * the one way a request reads (a read-only transaction of its own, in which the caller maps entities to
 * records); {@link dev.patchtrack.service.Documents}, which keeps what a request rendered as a ready
 * document. Use cases that change data and need the pipeline live in {@code ingest} as {@code *Service}
 * classes. May import {@code config}, {@code core} and {@code store}; never {@code ingest}, {@code api} or
 * {@code web}.
 */
package dev.patchtrack.service;
