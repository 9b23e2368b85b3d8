package dev.patchtrack.core.model;

import java.util.List;

/** The files a diff touches and its line counts. */
public record DiffStat(List<FileChange> files, int insertions, int deletions) {

    public DiffStat {
        files = List.copyOf(files);
    }

    public static DiffStat of(List<FileChange> files) {
        int ins = 0;
        int del = 0;
        for (FileChange f : files) {
            ins += f.added();
            del += f.removed();
        }
        return new DiffStat(files, ins, del);
    }
}
