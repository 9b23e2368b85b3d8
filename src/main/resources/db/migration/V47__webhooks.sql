-- Webhooks: subscriptions that push events to a URL, and one delivery row per event and subscription.
-- A subscription belongs to the token that made it, kept as the token's SHA-256 (never the token). Its
-- cursor is the last event id turned into deliveries; instances move it under a row lock, and the
-- unique key on (webhook_id, event_id) makes a delivery exist once whatever happens. A delivery is sent
-- by the instance that claimed it (claimed_by until claimed_until). Runs unchanged on H2 2.4 and
-- PostgreSQL 15.
CREATE SEQUENCE webhook_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE webhook (
    id           BIGINT PRIMARY KEY,
    owner        VARCHAR(64) NOT NULL,      -- hex SHA-256 of the token that made it
    url          VARCHAR(2000) NOT NULL,
    secret       VARCHAR(200) NOT NULL,     -- the HMAC key of its signatures
    description  VARCHAR(200),
    event_cursor BIGINT NOT NULL,           -- events up to here have their deliveries
    active       BOOLEAN NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_webhook_owner ON webhook (owner);

-- What a subscription takes: name is kind, series, list or topic; several values of one name are
-- alternatives, names together must all hold, no row of a name means no filter on it.
CREATE TABLE webhook_filter (
    webhook_id   BIGINT NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    name         VARCHAR(16) NOT NULL,
    filter_value VARCHAR(200) NOT NULL,
    PRIMARY KEY (webhook_id, name, filter_value)
);

CREATE SEQUENCE webhook_delivery_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE webhook_delivery (
    id             BIGINT PRIMARY KEY,
    webhook_id     BIGINT NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id       BIGINT NOT NULL,
    status         VARCHAR(16) NOT NULL,    -- pending, delivered, failed
    attempts       INT NOT NULL,
    next_attempt   TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by     VARCHAR(200),
    claimed_until  TIMESTAMP WITH TIME ZONE,
    delivered_by   VARCHAR(200),
    last_status    INT,                     -- the receiver's HTTP status, null when there was none
    last_error     VARCHAR(500),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_webhook_delivery UNIQUE (webhook_id, event_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt);
