/**
 * The only package that knows JPA and SQL. One idiom per kind of work: Panache entities for the small
 * admin rows (and for reading the derived tables into the views); plain JDBC batches for bulk writes
 * ({@code Jdbc}, with idempotent inserts of shared keys), among them the one writer of the derived tables
 * ({@code SeriesWriter}), and the series and message details kept as ready documents ({@code KeptDocuments},
 * read models every write that changes them drops); and reads of projections through {@code Jdbc.list}
 * with a row mapper that reads columns by name into a named record. Enums of shared words are stored by
 * their wire names through the {@code *Column} converters; columns that pack a list into one string through
 * one codec each ({@code PackedList}, {@code AppliedCommits}), whose converters make their entity fields
 * lists. Also what a database failure means
 * ({@code DatabaseDown}: unreachable; {@code Conflict}: a race another attempt resolves). Statements run the
 * same on H2 and PostgreSQL, or say which one they are for.
 */
package dev.patchtrack.store;
