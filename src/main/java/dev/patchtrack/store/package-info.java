/**
 * The only package that knows JPA and SQL: Panache entities, one repository per aggregate, plain JDBC
 * for the bulk paths ({@code Jdbc}, with idempotent inserts of shared keys), and what a database
 * failure means ({@code DatabaseDown}: unreachable; {@code Conflict}: a race another attempt resolves).
 * Columns that pack a list into one string are read and written through one codec each
 * ({@code PackedList}, {@code AppliedCommits}), whose converters make their entity fields lists.
 * Statements run the same on H2 and PostgreSQL, or say which one they are for.
 */
package dev.patchtrack.store;
