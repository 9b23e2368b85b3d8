/**
 * Flyway's Java migrations, found through {@code quarkus.flyway.locations} beside the SQL ones in
 * {@code db/migration}: the steps that differ between PostgreSQL and H2 ({@code V9}: full-text search,
 * {@code V32}: trigram indexes where {@code pg_trgm} can be created). They use plain JDBC from the
 * migration context and import the JDK, Flyway and JBoss Logging; as part of store they never import
 * ingest, api or web.
 */
package dev.patchtrack.store.migration;
