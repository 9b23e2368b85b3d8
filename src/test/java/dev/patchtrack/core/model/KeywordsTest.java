package dev.patchtrack.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void findsAWordAnywhereWithCaseIgnored() {
        Keywords k = Keywords.of("please", "i'll", "-by");
        assertThat(k.in("please")).isTrue();
        assertThat(k.in("Well, PLEASE fix it")).isTrue();
        assertThat(k.in("xxPleasexx")).isTrue();
        assertThat(k.in("I'll send a v2")).isTrue();
        assertThat(k.in("Reviewed-BY: Bob")).isTrue();
        assertThat(k.in("i\u2019ll send a v2")).isFalse();
    }

    @Test
    void aWordCutShortByTheEndOfTheLineIsNotThere() {
        Keywords k = Keywords.of("please");
        assertThat(k.in("")).isFalse();
        assertThat(k.in("pleas")).isFalse();
        assertThat(k.in("so, pleas")).isFalse();
        assertThat(k.in("p")).isFalse();
    }

    @Test
    void wordsSharingAFirstLetterAreAllTried() {
        Keywords k = Keywords.of("need", "next", "Note");
        assertThat(k.in("the ne")).isFalse();
        assertThat(k.in("in the NEXT version")).isTrue();
        assertThat(k.in("this needs work")).isTrue();
        assertThat(k.in("nOTE: x")).isTrue();
        assertThat(k.in("nothing")).isFalse();
    }

    @Test
    void aWordAfterTheFirstAsciiCharacterMayBeAnything() {
        Keywords k = Keywords.of("i\u2019ll");
        assertThat(k.in("I\u2019ll respin")).isTrue();
        assertThat(k.in("I'll respin")).isFalse();
        assertThatThrownBy(() -> Keywords.of("\u2019ll")).isInstanceOf(IllegalArgumentException.class);
    }
}
