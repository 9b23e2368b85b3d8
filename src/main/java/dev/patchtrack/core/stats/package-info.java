/**
 * The numbers behind the latency plots, from plain rows: how long work waited (from v1 to accepted,
 * from posting to the first review) as quartiles per topic, and who reviewed how much. Pure: the store
 * hands over timestamps and people, nothing here knows where they came from.
 */
package dev.patchtrack.core.stats;
