package dev.patchtrack.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.model.Address;
import dev.patchtrack.core.model.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How one From: value becomes a name and an address, where quotes, brackets and commas interleave. */
class AddressParserTest {

    private static Address parse(String value) {
        List<Problem> problems = new ArrayList<>();
        return AddressParser.parse(value, "From:", problems);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // value | name | email
            "Miguel Ojeda <ojeda@kernel.org>|Miguel Ojeda|ojeda@kernel.org",
            "\"Ojeda, Miguel\" <ojeda@kernel.org>|Ojeda, Miguel|ojeda@kernel.org",
            "\"a <b@c.org>\" <real@kernel.org>|a <b@c.org>|real@kernel.org",
            "\"Gary \\\"G\\\" Guo\" <gary@garyguo.net>|Gary \"G\" Guo|gary@garyguo.net",
            "A <a@x.org>, B <b@y.org>|A|a@x.org",
            "\"Last, First\" <a@x.org>, B <b@y.org>|Last, First|a@x.org",
            "a@x.org (A, the first), b@y.org|A, the first|a@x.org",
    })
    void quotesBracketsAndCommasAreReadInTheirPlace(String value, String name, String email) {
        Address a = parse(value);
        assertThat(a.email()).isEqualTo(email);
        assertThat(a.name()).isEqualTo(name);
    }

    @Test
    void anUnbalancedQuoteStillFindsTheAddressInBrackets() {
        Address a = parse("\"Broken Name <broken@kernel.org>");
        assertThat(a.email()).isEqualTo("broken@kernel.org");
    }

    @Test
    void aCommaWithoutAnAddressBeforeItDoesNotSplit() {
        Address a = parse("Doe, John <john@x.org>");
        assertThat(a.email()).isEqualTo("john@x.org");
    }
}
