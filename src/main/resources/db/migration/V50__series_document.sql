-- The series detail as GET /api/series/{id} answers it, kept as a ready document (a read model): the
-- first request after a change renders it and keeps it; every write that changes what it shows drops
-- it (store.SeriesDocuments). A cache of what the other tables say, never the only copy of anything:
-- emptied at every start, so a new version of the code never serves a document an older one wrote.
-- Runs unchanged on H2 2.4 and PostgreSQL 15.
CREATE TABLE series_document (
    series_id  BIGINT PRIMARY KEY,
    people     VARCHAR NOT NULL,    -- the ids of the people it names, ' 12 40 ' (so a renaming finds it)
    body       BYTEA NOT NULL       -- the JSON, byte for byte as served
);
