-- The message detail as GET /api/messages/{id} answers it, kept as a ready document beside the series
-- detail's (series_document; store.KeptDocuments says who drops them). Emptied at every start. Runs
-- unchanged on H2 2.4 and PostgreSQL 15.
CREATE TABLE message_document (
    message_pk BIGINT PRIMARY KEY,
    series_id  BIGINT,              -- the series the message belongs to, or whose thread it is in
    people     VARCHAR NOT NULL,    -- the ids of the people it names, ' 12 40 '
    body       BYTEA NOT NULL       -- the JSON, byte for byte as served
);
CREATE INDEX ix_message_document_series ON message_document (series_id);
