-- Where Rust stands at each release tag of a tracked tree: minimum tool versions, Rust code under
-- rust/ and drivers/, and the architectures that support Rust. Read from the tree at each tag when the
-- tag is first scanned (again when it moves). Runs unchanged on H2 and PostgreSQL.
CREATE TABLE rust_release (
    tree_id      BIGINT NOT NULL REFERENCES tree (id),
    tag          VARCHAR(200) NOT NULL,
    sha          VARCHAR(64) NOT NULL,
    tagged_at    TIMESTAMP WITH TIME ZONE,
    rustc_min    VARCHAR(40),
    bindgen_min  VARCHAR(40),
    rust_files   INTEGER NOT NULL,
    rust_lines   BIGINT NOT NULL,
    driver_files INTEGER NOT NULL,
    driver_lines BIGINT NOT NULL,
    PRIMARY KEY (tree_id, tag)
);

-- One architecture's Rust support at a release: its Kconfig's select HAVE_RUST (and the condition),
-- and what Documentation/rust/arch-support.rst says.
CREATE TABLE rust_release_arch (
    tree_id         BIGINT NOT NULL,
    tag             VARCHAR(200) NOT NULL,
    arch            VARCHAR(64) NOT NULL,
    have_rust       BOOLEAN NOT NULL,
    have_rust_if    VARCHAR(1000),
    doc_support     VARCHAR(100),
    doc_constraints VARCHAR(1000),
    PRIMARY KEY (tree_id, tag, arch),
    FOREIGN KEY (tree_id, tag) REFERENCES rust_release (tree_id, tag)
);
