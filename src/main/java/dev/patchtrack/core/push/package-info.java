/**
 * The rules of pushing events to webhooks, without I/O: how a delivery is signed ({@link
 * dev.patchtrack.core.push.Signature}), when a failed one is tried again ({@link
 * dev.patchtrack.core.push.Backoff}), and how far the event log may be taken as complete ({@link
 * dev.patchtrack.core.push.LogCursor}). The store keeps subscriptions and deliveries; the worker in
 * {@code ingest.push} sends them.
 */
package dev.patchtrack.core.push;
