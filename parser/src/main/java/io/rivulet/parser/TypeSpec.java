package io.rivulet.parser;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A column's data type as declared, with its canonical upper-case name (aliases such as INT,
 * STRING or NUMERIC are resolved when parsing).
 *
 * @param name the canonical name: BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, REAL, DOUBLE,
 *     DECIMAL, VARCHAR, CHAR, TIMESTAMP, DATE, TIME or ARRAY
 * @param parameters the parameters as written, for example precision and scale of a DECIMAL; empty
 *     when none were given
 * @param elementType the element type of an ARRAY, empty for every other type
 */
public record TypeSpec(String name, List<Integer> parameters, Optional<TypeSpec> elementType) {

    /** The name of array types, the only ones with an element type. */
    public static final String ARRAY = "ARRAY";

    /** Checks the components and copies the parameter list. */
    public TypeSpec {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(elementType, "elementType");
        if (name.equals(ARRAY) != elementType.isPresent()) {
            throw new IllegalArgumentException("an element type is required for ARRAY and only for ARRAY");
        }
    }

    /** Returns a non-array type with the given canonical name and parameters. */
    public static TypeSpec of(String name, Integer... parameters) {
        return new TypeSpec(name, List.of(parameters), Optional.empty());
    }

    /** Returns the type of arrays of the given element type. */
    public static TypeSpec arrayOf(TypeSpec elementType) {
        return new TypeSpec(ARRAY, List.of(), Optional.of(elementType));
    }

    /** Renders the type in SQL, for example {@code DECIMAL(10, 2)} or {@code ARRAY<VARCHAR>}. */
    @Override
    public String toString() {
        if (elementType.isPresent()) {
            return ARRAY + "<" + elementType.get() + ">";
        }
        if (parameters.isEmpty()) {
            return name;
        }
        return parameters.stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", ", name + "(", ")"));
    }
}
