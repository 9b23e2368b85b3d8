package dev.patchtrack.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem; {@code parameter} names the offending request parameter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemInfo(String type, String title, int status, String detail, String parameter, String instance) {
}
