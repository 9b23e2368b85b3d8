package dev.patchtrack.core.classify;

import java.util.List;

/**
 * What classification looks at.
 *
 * @param paths    files the diffs touch
 * @param subjects subjects (or titles) without their bracketed tags
 * @param lists    list names the mail was posted to
 * @param text     cover letter or article text, for keywords; may be empty
 */
public record ClassifyInput(List<String> paths, List<String> subjects, List<String> lists, String text) {

    public ClassifyInput {
        paths = List.copyOf(paths);
        subjects = List.copyOf(subjects);
        lists = List.copyOf(lists);
        text = text == null ? "" : text;
    }
}
