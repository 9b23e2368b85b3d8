package dev.patchtrack.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Mail is hostile text: JSON leaves with {@code < > & '} written as {@code \u003C} and so on, and
 * DEL, the line separators U+2028/U+2029 and the bidirectional overrides escaped as well, so a
 * subject carrying markup stays inert even where JSON is pasted into a page, a script or a
 * terminal. Other control characters are escaped by JSON itself. The values read back are unchanged.
 */
@Singleton
public class HtmlSafeJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(new Escapes());
    }

    static final class Escapes extends CharacterEscapes {
        private final int[] ascii;

        Escapes() {
            ascii = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\'', 0x7f}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean escape = ch == 0x2028 || ch == 0x2029 || (ch >= 0x202a && ch <= 0x202e)
                    || (ch >= 0x2066 && ch <= 0x2069);
            return escape ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
