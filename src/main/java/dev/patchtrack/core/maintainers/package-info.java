/**
 * The kernel's {@code MAINTAINERS} file, matched as {@code scripts/get_maintainer.pl} matches it
 * ({@code Maintainers}: who is listed for the files and words of a patch), and who of them has answered
 * a revision ({@code Reviewers}). Pure: callers read the file out of git and hand over its text.
 * Imports {@code core.model} and the JDK.
 */
package dev.patchtrack.core.maintainers;
