package dev.patchtrack.api;

/** Numeric path ids. */
public final class Ids {

    private Ids() {
    }

    public static long parse(String name, String value) {
        try {
            long v = Long.parseLong(value.strip());
            if (v < 1) {
                throw ApiProblem.badParameter(name, name + " must be a positive number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter(name, name + " must be a number, not '" + Params.clip(value) + "'");
        }
    }
}
