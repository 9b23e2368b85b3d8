package dev.patchtrack.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Problem;
import org.junit.jupiter.api.Test;

/** git's .mailmap forms, as people merge their addresses in the kernel tree. */
class MailmapTest {

    private static final Mailmap MAP = Mailmap.parse("""
            # Proper Name <commit@email>
            Alice Ryhl <aliceryhl@example.com>
            # <proper@email> <commit@email>
            <ojeda@example.org> <miguel.ojeda.sandonis@example.com>
            # Proper Name <proper@email> <commit@email>
            Gary Guo <gary@example.net> <Gary.Guo@Personal.example.com>
            # Proper Name <proper@email> Commit Name <commit@email>
            Boqun Feng <boqun@example.com> Boqun <old@example.com>
            Someone Else <else@example.com> Other Name <old@example.com>
            this line has no address
            """);

    @Test
    void theFourFormsMapAddressesAndNames() {
        assertThat(MAP.map(new Address("alice", "aliceryhl@example.com"))).isEqualTo(new Address("Alice Ryhl", "aliceryhl@example.com"));
        assertThat(MAP.map(new Address("Miguel Ojeda", "miguel.ojeda.sandonis@example.com")))
                .isEqualTo(new Address("Miguel Ojeda", "ojeda@example.org"));
        assertThat(MAP.map(new Address(null, "gary.guo@personal.example.com")))
                .isEqualTo(new Address("Gary Guo", "gary@example.net"));
        assertThat(MAP.map(new Address("boqun", "OLD@example.com"))).isEqualTo(new Address("Boqun Feng", "boqun@example.com"));
        assertThat(MAP.map(new Address("Other Name", "old@example.com")))
                .isEqualTo(new Address("Someone Else", "else@example.com"));
    }

    @Test
    void unknownAddressesAndNamesStayAsTheyAre() {
        Address stranger = new Address("Stranger", "stranger@example.com");
        assertThat(MAP.map(stranger)).isSameAs(stranger);
        Address thirdName = new Address("Third Name", "old@example.com");
        assertThat(MAP.map(thirdName)).isSameAs(thirdName);
        assertThat(MAP.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.Code.RULE_MALFORMED);
            assertThat(p.detail()).contains("line 10");
        });
        assertThat(Mailmap.parse(null).isEmpty()).isTrue();
        assertThat(Mailmap.EMPTY.map(stranger)).isSameAs(stranger);
    }
}
