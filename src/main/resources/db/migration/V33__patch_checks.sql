-- Results that CI systems post on patches (Patchwork's checks). A check belongs to the patch's message,
-- which never goes away, so that a rebuild that drops and re-creates patch rows keeps its checks.
-- Runs unchanged on H2 2.4 and PostgreSQL 15.
CREATE SEQUENCE patch_check_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE patch_check (
    id           BIGINT PRIMARY KEY,
    message_pk   BIGINT NOT NULL REFERENCES message (id),
    state        VARCHAR(16) NOT NULL,      -- pending, success, warning, fail
    context      VARCHAR(255) NOT NULL,     -- what ran: a slug such as "build-clang"
    target_url   VARCHAR(2000),
    description  VARCHAR(2000),
    created_by   VARCHAR(200) NOT NULL,     -- the client that posted it, for the event log
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    event_id     BIGINT                     -- its check-created event
);
CREATE INDEX ix_patch_check_message ON patch_check (message_pk);
CREATE INDEX ix_patch_check_event ON patch_check (event_id);
