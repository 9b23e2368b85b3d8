/**
 * What people type into a query, read without booting anything: dates after git's approxidate
 * ({@link dev.patchtrack.core.query.Approxidate}), lore's search words
 * ({@link dev.patchtrack.core.query.SearchQuery}) and the known name nearest to a mistyped one
 * ({@link dev.patchtrack.core.query.Nearest}). Problems come back as data for the API to name.
 */
package dev.patchtrack.core.query;
