package dev.patchtrack.api.dto;

import java.time.LocalDate;

/** One ISO week: revisions posted in it and revisions that became accepted in it. */
public record WeekInfo(String week, LocalDate start, long posted, long accepted) {
}
