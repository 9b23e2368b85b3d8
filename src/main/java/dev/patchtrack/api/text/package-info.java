/**
 * Answers as text for a terminal ({@code ?format=text} or {@code Accept: text/plain}): tables, pages and
 * one-line errors, cut to a width, with nothing that could move the cursor or reorder what is shown.
 */
package dev.patchtrack.api.text;
