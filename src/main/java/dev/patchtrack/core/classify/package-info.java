/**
 * Topics: {@code TopicRules} reads the rules an operator edits ({@code <topic> <signal> <pattern>},
 * each remembering its {@code file:line}), {@link dev.patchtrack.core.classify.Classifier} gives a
 * {@code ClassifyInput} (paths, subjects, lists, text) its {@code TopicLabel}s, files first, each with
 * the reason that names the rules that fired. Imports the JDK alone.
 */
package dev.patchtrack.core.classify;
