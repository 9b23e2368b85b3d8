/**
 * LWN read without I/O: the headlines feed (RSS 1.0, RSS 2.0 or Atom, by StAX with no DTDs:
 * {@code FeedParser}), article pages and the kernel index (jsoup: {@code ArticleParser},
 * {@code IndexParser}), and what an article points at ({@code References}: Message-IDs, commits,
 * Patchwork pages). Callers fetch the bytes; nothing here throws on a bad page, the problems are in
 * what it returns. Imports jsoup, {@code javax.xml.stream}, {@code core.mail} and {@code core.patch}.
 */
package dev.patchtrack.core.lwn;
