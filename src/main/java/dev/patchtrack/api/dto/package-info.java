/**
 * The records the API answers with ({@code *Info}) and reads ({@code *Input}); they carry no entity.
 * {@code api.dto.patchwork} holds Patchwork's shapes.
 */
package dev.patchtrack.api.dto;
