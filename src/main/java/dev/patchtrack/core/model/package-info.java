/**
 * The records and enums the stages share: {@code ParsedMail} (what the mail reader decoded),
 * {@code MailFacts} (what the patch analyser found in one message: the input of threading, series
 * linking and review), {@code SubjectTags}, {@code Address}, {@code Trailer}, {@code DiffStat} and
 * {@code FileChange}, {@code AppliedNotice}, {@code PullRequest}, {@code ReplyScope} and
 * {@code MessageKind}. Data only, with small derived values ({@code Address.key()}), and
 * {@code Keywords}, the cheap gate the readers of mail text put before a regular expression. Imports the JDK
 * alone; the other core packages build on it.
 */
package dev.patchtrack.core.model;
