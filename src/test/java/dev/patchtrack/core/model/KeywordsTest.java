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
    void onlyAsciiCaseIsIgnoredAsByCaseInsensitiveExpressions() {
        Keywords k = Keywords.of("like", "STILL");
        assertThat(k.in("li\u212Ae")).as("the Kelvin sign is no k").isFalse();
        assertThat(k.in("st\u0130ll")).as("nor a dotted capital I an i").isFalse();
        assertThat(k.in("LiKe")).isTrue();
        assertThat(k.in("still")).isTrue();
    }

    @Test
    void aRegionIsReadWithinItsBounds() {
        Keywords k = Keywords.of("next");
        assertThat(k.in("> the next one", 2, 14)).isTrue();
        assertThat(k.in("> the next one", 7, 14)).isFalse();
        assertThat(k.in("> the next one", 0, 9)).isFalse();
        assertThat(k.in("> the next one", 6, 10)).isTrue();
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
