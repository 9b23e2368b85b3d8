package dev.patchtrack.api.dto;

import dev.patchtrack.core.model.Problem;
import java.util.List;

/**
 * One problem met reading a message, an LWN page or a feed, beside its sentence in {@code problems}.
 *
 * @param code     what kind of problem ({@code date-invalid}, {@code not-a-mail}, {@code fetch-failed} ...)
 * @param severity {@code error}: it (or a part of it) could not be read; {@code warning}: read, with a
 *                 guess, a cut or a part left out
 * @param offset   the byte offset in the input it concerns, -1 when not known
 * @param detail   the problem in a sentence, as in {@code problems}
 */
public record ParseProblemInfo(String code, String severity, long offset, String detail) {

    public static List<ParseProblemInfo> of(List<Problem> problems) {
        return problems.stream()
                .map(p -> new ParseProblemInfo(p.code().wireName(), p.severity().wireName(), p.offset(), p.detail()))
                .toList();
    }
}
