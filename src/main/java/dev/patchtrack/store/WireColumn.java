package dev.patchtrack.store;

import dev.patchtrack.core.model.WireNames;
import jakarta.persistence.AttributeConverter;

/**
 * A column that holds an enum of shared words by its wire name ({@code check-created}), the same string the API
 * says; a value no constant spells is an error, since only these converters write the column.
 */
abstract class WireColumn<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;
    private final String what;

    WireColumn(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : WireNames.of(value);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : WireNames.fromWire(type, column, what);
    }
}
