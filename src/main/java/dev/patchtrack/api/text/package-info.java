/**
 * Text for curl users ({@code ?format=text} or {@code Accept: text/plain}): the API's records as aligned
 * tables, pages and one-line errors, cut to a terminal's width, with nothing that could move the cursor
 * or reorder what is shown.
 */
package dev.patchtrack.api.text;
