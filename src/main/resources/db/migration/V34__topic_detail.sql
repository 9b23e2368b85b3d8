-- A topic label's detail: what its rule's named group matched, e.g. the architectures a rust-arch
-- label names ("loongarch,riscv"). Null for rules without one. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE series_topic ADD COLUMN detail VARCHAR(200);
ALTER TABLE revision_topic ADD COLUMN detail VARCHAR(200);
ALTER TABLE article_topic ADD COLUMN detail VARCHAR(200);
