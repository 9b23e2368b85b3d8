package dev.patchtrack.api.dto;

/** How durations spread, in hours: how many, the least, the quartiles (median in the middle) and the most. */
public record QuartilesInfo(int count, double min, double q1, double median, double q3, double max) {
}
