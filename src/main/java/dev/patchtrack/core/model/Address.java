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

    /**
     * The name as a key, for the same person writing from another address: lower case, single spaces;
     * null unless it has at least two words (a bare "root" or "Kernel" names no one).
     */
    public String nameKey() {
        return nameKey(name);
    }

    /** {@link #nameKey()} of a bare name. */
    public static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return n.indexOf(' ') > 0 && n.length() >= 5 ? n : null;
    }

    /** True when both are one person: the same address, or the same name of two words or more. */
    public boolean samePerson(Address other) {
        if (other == null) {
            return false;
        }
        if (!email.isEmpty() && key().equals(other.key())) {
            return true;
        }
        String n = nameKey();
        return n != null && n.equals(other.nameKey());
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
