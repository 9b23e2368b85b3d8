/**
 * Following LWN: {@link dev.patchtrack.ingest.lwn.LwnPoller} polls the headlines feed and the kernel
 * index with conditional GET, fetches the articles that are due through the one HTTP client and stores
 * their text, references and topics ({@code ArticleClassifier}, with the topic rules of mail);
 * {@code LwnSchedule} only triggers it. May import core, store, config and the rest of ingest; never
 * api or web, and no JPA.
 */
package dev.patchtrack.ingest.lwn;
