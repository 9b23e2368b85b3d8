package dev.patchtrack.core.model;

import java.util.Locale;

/**
 * A mail address with its optional display name. {@code email} keeps the case it was written in;
 * {@link #key()} is the case-folded form used to recognise one person.
 */
public record Address(String name, String email) {

    public Address {
        name = name == null || name.isBlank() ? null : name.strip();
        email = email == null ? "" : email.strip();
    }

    /** The identity key: the address in lower case. */
    public String key() {
        return email.toLowerCase(Locale.ROOT);
    }

    /** The name if there is one, else the address. */
    public String displayName() {
        return name != null ? name : email;
    }

    @Override
    public String toString() {
        return name == null ? email : name + " <" + email + ">";
    }
}
