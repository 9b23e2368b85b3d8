/**
 * Webhooks: the use cases of subscribing ({@link dev.patchtrack.ingest.push.WebhookService}, each in
 * its own transaction) and the worker that turns new events into deliveries and sends them, signed,
 * through the one HTTP client ({@link dev.patchtrack.ingest.push.WebhookDispatcher}). May use core,
 * store, config and {@code ingest.http}; never api.
 */
package dev.patchtrack.ingest.push;
