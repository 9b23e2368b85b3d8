package dev.patchtrack.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The real archives imported once for the test classes that only read them. A class asks for the
 * archives it needs, in the order they are to be imported; they are imported (through
 * {@code POST /api/import}) only when the database does not already hold exactly them, imported by
 * this class and unchanged since ({@link Database#fingerprint()}). Anything that writes in between, or
 * {@link Database#clear()}, makes the next class import again. {@link OrderThenName} runs the classes
 * that share an import one after the other.
 */
public final class RealArchives {

    private static List<RealMail.Archive> held = List.of();
    private static String heldAs = "";

    private RealArchives() {
    }

    /**
     * Imports again an archive the database holds, which stores nothing new (the caller checks what it
     * must leave unchanged); the database goes on counting as holding what it held, although the import
     * moved its data version.
     */
    public static synchronized void importAgain(Database database, RealMail.Archive archive) {
        boolean unchanged = database.fingerprint().equals(heldAs) && held.contains(archive);
        upload(archive);
        if (unchanged) {
            heldAs = database.fingerprint();
        }
    }

    private static void upload(RealMail.Archive a) {
        MboxUpload.post(RealMail.bytes(a), a.list);
    }

    /** Makes the database hold these archives, imported in this order, and nothing else. */
    public static synchronized void hold(Database database, RealMail.Archive... archives) {
        List<RealMail.Archive> wanted = List.of(archives);
        boolean unchanged = database.fingerprint().equals(heldAs);
        if (unchanged && held.equals(wanted)) {
            return;
        }
        List<RealMail.Archive> todo = new ArrayList<>(wanted);
        if (unchanged && !held.isEmpty() && held.size() < wanted.size() && wanted.subList(0, held.size()).equals(held)) {
            todo = new ArrayList<>(wanted.subList(held.size(), wanted.size()));
        } else {
            database.clear();
        }
        held = List.of();
        for (RealMail.Archive a : todo) {
            upload(a);
        }
        held = wanted;
        heldAs = database.fingerprint();
    }
}
