-- LWN articles: what the feed or index said, what the page said, what the text refers to, and the
-- topics the rules gave. Runs unchanged on H2 2.4 and PostgreSQL 15.

CREATE SEQUENCE article_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE article (
    id               BIGINT PRIMARY KEY,
    url              VARCHAR(1000) NOT NULL,  -- canonical: no query, trailing slash
    title            VARCHAR(1000) NOT NULL,
    author           VARCHAR(500),
    published_at     TIMESTAMP WITH TIME ZONE,
    section          VARCHAR(200),
    index_terms      VARCHAR(2000),           -- "Kernel: Development tools/Rust", one a line
    summary          TEXT,                    -- what the feed said
    body             TEXT,                    -- the article text, once it could be read
    subscriber_only  BOOLEAN NOT NULL,        -- the feed or index marked it [$]
    state            VARCHAR(16) NOT NULL,    -- pending, fetched, paywalled, unreadable
    free_at          TIMESTAMP WITH TIME ZONE, -- the day the paywall notice says it becomes free
    next_fetch_at    TIMESTAMP WITH TIME ZONE, -- null when there is nothing more to fetch
    fetch_count      INTEGER NOT NULL,
    fetched_at       TIMESTAMP WITH TIME ZONE,
    problems         TEXT,                    -- one a line; null when none
    found_in         VARCHAR(16) NOT NULL,    -- feed or index
    first_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_article_url UNIQUE (url)
);
CREATE INDEX ix_article_published ON article (published_at);
CREATE INDEX ix_article_next_fetch ON article (next_fetch_at);

CREATE SEQUENCE article_topic_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE article_topic (
    id          BIGINT PRIMARY KEY,
    article_id  BIGINT NOT NULL REFERENCES article (id),
    topic       VARCHAR(64) NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    CONSTRAINT uk_article_topic UNIQUE (article_id, topic)
);
CREATE INDEX ix_article_topic_topic ON article_topic (topic);

-- References are kept as written (a Message-ID, a commit, a Patchwork URL) and resolved to
-- messages, revisions and series when read, so mail that arrives later is found and series
-- rebuilds change nothing here.
CREATE SEQUENCE article_ref_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE article_ref (
    id          BIGINT PRIMARY KEY,
    article_id  BIGINT NOT NULL REFERENCES article (id),
    position    INTEGER NOT NULL,
    kind        VARCHAR(16) NOT NULL,         -- message, commit, patchwork
    ref_value   VARCHAR(1000) NOT NULL,       -- the Message-ID, commit hash or Patchwork URL
    url         VARCHAR(2000)                 -- the link it came from; null for an id in the text
);
CREATE INDEX ix_article_ref_article ON article_ref (article_id);
CREATE INDEX ix_article_ref_value ON article_ref (ref_value);

-- The LWN documents polled with conditional GET (the headlines feed, the kernel index): their
-- validators and how the last poll went.
CREATE TABLE lwn_source (
    url             VARCHAR(1000) PRIMARY KEY,
    kind            VARCHAR(16) NOT NULL,     -- feed or index
    etag            VARCHAR(1000),
    last_modified   VARCHAR(200),
    polled_at       TIMESTAMP WITH TIME ZONE,
    status          VARCHAR(16),              -- ok, not-modified, malformed, failed
    http_status     INTEGER,
    items           INTEGER NOT NULL,
    problems        TEXT
);
