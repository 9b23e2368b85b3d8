/**
 * The only package that knows JPA and SQL. One idiom per kind of work: Panache entities for the small
 * admin rows (and for reading the derived tables into the views); plain JDBC batches for bulk writes
 * ({@code Jdbc}, with idempotent inserts of shared keys), among them the one writer of the derived tables
 * ({@code SeriesWriter}), and the series detail kept as a ready document ({@code SeriesDocuments}, a read
 * model every write that changes it drops); and reads of projections through {@code Jdbc.list}
 * with a row mapper that reads columns by name into a named record. Enums of shared words are stored by
 * their wire names through the {@code *Column} converters; columns that pack a list into one string through
 * one codec each ({@code PackedList}, {@code AppliedCommits}), whose converters make their entity fields
 * lists. Also what a database failure means
 * ({@code DatabaseDown}: unreachable; {@code Conflict}: a race another attempt resolves). Statements run the
 * same on H2 and PostgreSQL, or say which one they are for.
 */
package dev.patchtrack.store;
