package io.rivulet.parser;

import static io.rivulet.parser.Parsing.message;
import static io.rivulet.parser.Parsing.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data types in column definitions: names, aliases, parameters, arrays and their errors. */
class TypeSpecTest {

    private static TypeSpec typeOf(String written) {
        return single("CREATE TABLE t (c " + written + ")", CreateTableStatement.class).columns().get(0).type();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "BOOLEAN                    | BOOLEAN",
        "TINYINT                    | TINYINT",
        "SMALLINT                   | SMALLINT",
        "INTEGER                    | INTEGER",
        "int                        | INTEGER",
        "BIGINT                     | BIGINT",
        "FLOAT                      | FLOAT",
        "REAL                       | REAL",
        "DOUBLE                     | DOUBLE",
        "double precision           | DOUBLE",
        "DECIMAL                    | DECIMAL",
        "DECIMAL(10)                | DECIMAL(10)",
        "DECIMAL(10, 2)             | DECIMAL(10, 2)",
        "NUMERIC(5,1)               | DECIMAL(5, 1)",
        "DEC(4, 0)                  | DECIMAL(4, 0)",
        "VARCHAR                    | VARCHAR",
        "VARCHAR(20)                | VARCHAR(20)",
        "STRING                     | VARCHAR",
        "CHAR(3)                    | CHAR(3)",
        "CHARACTER(2)               | CHAR(2)",
        "CHAR                       | CHAR",
        "TIMESTAMP                  | TIMESTAMP",
        "TIMESTAMP(3)               | TIMESTAMP(3)",
        "DATE                       | DATE",
        "TIME                       | TIME",
        "TIME(0)                    | TIME(0)",
        "ARRAY<VARCHAR>             | ARRAY<VARCHAR>",
        "array < int >              | ARRAY<INTEGER>",
        "INT ARRAY                  | ARRAY<INTEGER>",
        "ARRAY<ARRAY<BIGINT>>       | ARRAY<ARRAY<BIGINT>>",
        "BIGINT ARRAY ARRAY         | ARRAY<ARRAY<BIGINT>>",
        "ARRAY<DECIMAL(10, 2)> ARRAY | ARRAY<ARRAY<DECIMAL(10, 2)>>",
        "`varchar`(5)               | VARCHAR(5)",
    })
    void writtenTypesResolveToCanonicalNames(String written, String rendered) {
        assertThat(typeOf(written)).hasToString(rendered);
    }

    @Test
    void typeComponents() {
        assertThat(typeOf("DECIMAL(10, 2)")).isEqualTo(new TypeSpec("DECIMAL", List.of(10, 2), Optional.empty()));
        assertThat(typeOf("STRING")).isEqualTo(new TypeSpec("VARCHAR", List.of(), Optional.empty()));
        assertThat(typeOf("INT ARRAY"))
                .isEqualTo(new TypeSpec("ARRAY", List.of(), Optional.of(TypeSpec.of("INTEGER"))));
        assertThat(TypeSpec.arrayOf(TypeSpec.of("VARCHAR")).elementType()).contains(TypeSpec.of("VARCHAR"));
    }

    @Test
    void notNullAppliesToTheWholeType() {
        ColumnDefinition column = single("CREATE TABLE t (c INT ARRAY NOT NULL)", CreateTableStatement.class)
                .columns().get(0);

        assertThat(column.type()).hasToString("ARRAY<INTEGER>");
        assertThat(column.notNull()).isTrue();
    }

    @Test
    void unknownTypeNamesTheTypeAndListsTheSupportedOnes() {
        ParseException error = Parsing.error("CREATE TABLE t (a INT,\n  b VARCHAR2(10))");

        assertThat(error.getMessage()).isEqualTo("syntax error at 2:5: unknown type 'VARCHAR2'; the supported types"
                + " are BOOLEAN, TINYINT, SMALLINT, INTEGER (INT), BIGINT, FLOAT, REAL, DOUBLE (DOUBLE PRECISION),"
                + " DECIMAL (NUMERIC, DEC), VARCHAR (STRING), CHAR (CHARACTER), TIMESTAMP, DATE, TIME and ARRAY<type>"
                + " (type ARRAY)");
        assertThat(error.offendingToken()).isEqualTo("VARCHAR2");
    }

    @Test
    void tooManyParameters() {
        assertThat(message("CREATE TABLE t (a INT(3))")).isEqualTo("syntax error at 1:22: type INT takes no parameters");
        assertThat(message("CREATE TABLE t (a STRING(3))"))
                .isEqualTo("syntax error at 1:25: type STRING takes no parameters");
        assertThat(message("CREATE TABLE t (a VARCHAR(3, 4))"))
                .isEqualTo("syntax error at 1:26: type VARCHAR takes at most 1 parameter (length)");
        assertThat(message("CREATE TABLE t (a NUMERIC(1, 2, 3))"))
                .isEqualTo("syntax error at 1:26: type NUMERIC takes at most 2 parameters (precision, scale)");
        assertThat(message("CREATE TABLE t (a TIMESTAMP(3, 1))"))
                .isEqualTo("syntax error at 1:28: type TIMESTAMP takes at most 1 parameter (precision)");
    }

    @Test
    void parametersAreIntegers() {
        assertThat(message("CREATE TABLE t (a DECIMAL(1.5))"))
                .isEqualTo("syntax error at 1:27: unexpected '1.5', expected an integer");
        assertThat(message("CREATE TABLE t (a DECIMAL())"))
                .isEqualTo("syntax error at 1:27: unexpected ')', expected an integer");
        assertThat(message("CREATE TABLE t (a DECIMAL(99999999999))"))
                .isEqualTo("syntax error at 1:27: type parameter 99999999999 is too large");
    }

    @Test
    void arraySyntaxErrors() {
        assertThat(message("CREATE TABLE t (a ARRAY)")).isEqualTo("syntax error at 1:24: unexpected ')', expected '<'");
        assertThat(message("CREATE TABLE t (a ARRAY<>)"))
                .isEqualTo("syntax error at 1:25: unexpected '>', expected a data type");
        assertThat(message("CREATE TABLE t (a ARRAY<INT)"))
                .isEqualTo("syntax error at 1:28: unexpected ')', expected one of: '(', '>', ARRAY");
    }

    @Test
    void typesOnlyAcceptAnArrayElementTypeWhenTheyAreArrays() {
        assertThatThrownBy(() -> new TypeSpec("ARRAY", List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TypeSpec("INTEGER", List.of(), Optional.of(TypeSpec.of("INTEGER"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
