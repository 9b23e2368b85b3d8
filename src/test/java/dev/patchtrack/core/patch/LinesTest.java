package dev.patchtrack.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void splitsOnLfWithAndWithoutCarriageReturns() {
        assertThat(Lines.split("a\nb\n\nc")).containsExactly("a", "b", "", "c");
        assertThat(Lines.split("a\nb\n\nc\n")).containsExactly("a", "b", "", "c");
        assertThat(Lines.split("\n\na\n\n")).containsExactly("", "", "a", "");
        assertThat(Lines.split("one line")).containsExactly("one line");
        assertThat(Lines.split("\n")).containsExactly("");
        assertThat(Lines.split("")).isEmpty();
        assertThat(Lines.split(null)).isEmpty();
    }

    @Test
    void aCarriageReturnEndsALineAloneOrBeforeALf() {
        assertThat(Lines.split("a\r\nb\n\nc")).containsExactly("a", "b", "", "c");
        assertThat(Lines.split("a\rb\r\n\r\nc\r")).containsExactly("a", "b", "", "c");
        assertThat(Lines.split("\r")).containsExactly("");
        assertThat(Lines.split("x\r\r\ny")).containsExactly("x", "", "y");
    }
}
