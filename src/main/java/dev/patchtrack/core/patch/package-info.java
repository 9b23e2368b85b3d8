/**
 * One message read as kernel mail, and patches written back out. {@link
 * dev.patchtrack.core.patch.PatchAnalyzer} turns a {@code ParsedMail} into {@code MailFacts} with the
 * parsers of this package: subject tags ({@code SubjectParser}), trailers ({@code TrailerParser}), diffs
 * and diffstats ({@code DiffParser}, {@code DiffstatLines}), {@code git request-pull} output
 * ({@code PullRequestParser}), "applied" notices ({@code AppliedParser}), Message-IDs in links
 * ({@code MessageIdLinks}) and the patches a reply names ({@code ReplyNames}). The other way:
 * {@code AmMbox} writes a revision for {@code git am} with the trailers replies gave, {@code PatchId} is
 * git's stable patch-id, {@code RangeDiff} and {@code VersionChanges} say what changed from one revision
 * to the next. Never throws on bad mail. Imports {@code core.model}, {@code core.review} (whether a
 * reply asks for changes), Jakarta Mail's {@code MimeUtility} and JGit's diff; nothing outside core.
 */
package dev.patchtrack.core.patch;
