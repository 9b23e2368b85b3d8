/**
 * patchtrack: Rust work in the Linux kernel followed through the mailing lists. This package holds no
 * classes; the layers are its sub-packages and imports flow one way. {@code config} (typed settings)
 * imports no other layer. {@code core} (pure parsing and derivation) imports only the JDK, Jakarta
 * Mail, jsoup, JGit and itself. {@code store}, the only layer that knows JPA or Hibernate, may import
 * core and config. {@code ingest} (sources, the import pipeline, workers) may import core, store and
 * config. {@code api} (HTTP, records, text, Patchwork's API) may import every layer but web, and its
 * records ({@code api.dto}) carry nothing of store or ingest. {@code web} (the pages) may import api,
 * core and config, never store or ingest, and nothing else imports web. {@code ArchitectureTest}
 * enforces these rules; {@code docs/architecture.md} maps each concept to its file.
 */
package dev.patchtrack;
