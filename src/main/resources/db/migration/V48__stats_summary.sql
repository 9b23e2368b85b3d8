-- The counts /api/stats answers when no window is asked, made again by each derivation: series per
-- topic and state, revisions posted and accepted per ISO week. They hold for the data version in
-- stats_summary; a read at any other version counts from the tables instead. Runs unchanged on H2 2.4
-- and PostgreSQL 15.
CREATE TABLE stats_summary (
    id            INTEGER PRIMARY KEY,
    data_version  BIGINT NOT NULL,           -- the data version the counts were made at; -1: never made
    computed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO stats_summary (id, data_version, computed_at) VALUES (1, -1, CURRENT_TIMESTAMP);

CREATE TABLE stats_state (
    topic         VARCHAR(64) NOT NULL,      -- '' for every series once, whatever its topics
    state         VARCHAR(32) NOT NULL,
    series_count  BIGINT NOT NULL,
    PRIMARY KEY (topic, state)
);

CREATE TABLE stats_week (
    topic         VARCHAR(64) NOT NULL,      -- '' for every revision once, whatever its topics
    monday        DATE NOT NULL,             -- the week's Monday, UTC
    posted        BIGINT NOT NULL,
    accepted      BIGINT NOT NULL,
    PRIMARY KEY (topic, monday)
);
