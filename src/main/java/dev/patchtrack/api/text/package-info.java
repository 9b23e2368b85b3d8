/**
 * Text for curl users: the API's records as aligned tables, pages and one-line errors that fit a
 * terminal's width, chosen by {@code Accept: text/plain} or {@code ?format=text}.
 */
package dev.patchtrack.api.text;
