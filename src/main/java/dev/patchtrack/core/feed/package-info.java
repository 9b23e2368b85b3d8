/**
 * Feeds: a {@code Feed} record written as Atom 1.0 or RSS 2.0 by {@link
 * dev.patchtrack.core.feed.FeedWriter}, all text through the XML writer so that markup, entities and
 * characters XML cannot carry stay text. Imports the JDK alone ({@code javax.xml.stream}).
 */
package dev.patchtrack.core.feed;
