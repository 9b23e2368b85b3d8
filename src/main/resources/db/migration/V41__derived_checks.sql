-- Checks derived from bots' replies on the lists (the kernel test robot, syzbot, KernelCI) live beside
-- the checks CI systems post: source_message_pk names the bot's message (null for a posted check) and
-- rule says which line of which check rule gave the state. A rebuild derives them again and keeps one
-- row per bot message and context, so re-importing or re-analysing mail changes nothing.
-- Runs unchanged on H2 2.4 and PostgreSQL 15.
ALTER TABLE patch_check ADD COLUMN source_message_pk BIGINT REFERENCES message (id);
ALTER TABLE patch_check ADD COLUMN rule VARCHAR(500);
CREATE UNIQUE INDEX ux_patch_check_source ON patch_check (source_message_pk, context);
