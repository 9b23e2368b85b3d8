-- The same mail delivered again with other bytes (another list footer, other Received headers, a
-- re-sent posting): it is the message already stored, not a new one, and its bytes are kept here,
-- compressed as message.raw is, once per distinct content. Runs on H2 and PostgreSQL alike.
CREATE TABLE message_copy (
    message_pk     BIGINT NOT NULL REFERENCES message (id),
    raw_sha256     VARCHAR(64) NOT NULL,
    raw_size       INTEGER NOT NULL,
    raw            BYTEA NOT NULL,
    list_id        BIGINT REFERENCES mailing_list (id),  -- the list it was received for; null: its List-Id named none
    source_offset  BIGINT,                               -- where in its input it was read (mbox byte offset); null: unknown
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_pk, raw_sha256)
);
