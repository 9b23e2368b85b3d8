/**
 * Review states and checks, derived from facts. {@link dev.patchtrack.core.review.ReviewDeriver} gives
 * a patch its {@code ReviewState} from a {@code ReviewInput} (replies, a newer revision, the evidence of
 * acceptance, carried trailers) with a {@code StateReason} naming the message and person, and rolls
 * patches up into a revision; {@code ChangeRequests} reads whether a reply asks for changes. CI checks:
 * {@code CheckRules} (rules an operator edits) and {@code BotChecks} turn a bot's reply into a check,
 * {@code Checks} says what a patch's checks add up to. Imports {@code core.model} and the JDK.
 */
package dev.patchtrack.core.review;
