package dev.patchtrack.core.model;

import java.util.List;

/**
 * The files a diff touches and its line counts.
 *
 * @param patchId the stable patch-id of the diff ({@code git patch-id --stable}), null when it is no git diff
 */
public record DiffStat(List<FileChange> files, int insertions, int deletions, String patchId) {

    public DiffStat {
        files = List.copyOf(files);
    }

    public DiffStat(List<FileChange> files, int insertions, int deletions) {
        this(files, insertions, deletions, null);
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

    public DiffStat withPatchId(String id) {
        return new DiffStat(files, insertions, deletions, id);
    }
}
