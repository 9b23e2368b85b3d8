-- Messages stored (or filed under a new list) whose series have not been derived since: written in
-- the transaction that stores them, removed once a derivation has covered them. A process killed
-- between storing and deriving leaves its rows here, and the next derivation takes them in.
CREATE TABLE derivation_pending (
    message_pk BIGINT NOT NULL PRIMARY KEY
);
