package io.rivulet.planner.codegen.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import org.apache.calcite.runtime.SqlFunctions;
import org.junit.jupiter.api.Test;

class StringsTest {
  @Test
  void lowerIsCalcitesLowerWithAnAsciiFastPath() {
    String[] values = {
      "", "a", "A", "apple", "Apple", "APPLE", "channel-4711", "Z@[`{", "héllo WÖRLD", "İstanbul",
      "\u212Aey", "KEY\u212A", "ABC\u00C0", "\u0130", "ΣΑΣ", "mixed Case 123 \t\n",
    };
    for (String value : values) {
      assertThat(Strings.lower(value)).as(value).isEqualTo(SqlFunctions.lower(value));
    }
    for (char c = 0; c < 0x300; c++) {
      String value = "Ab" + c + "Cd";
      assertThat(Strings.lower(value)).as("U+%04X", (int) c).isEqualTo(SqlFunctions.lower(value));
    }
  }

  @Test
  void lowerEqualsIsLowerThenEquals() {
    String[] values = {
      "", "a", "A", "apple", "Apple", "APPLE", "APPLEs", "applf", "Google", "key", "KEY", "\u212Aey",
      "\u212AEY", "ke\u212A", "\u0130stanbul", "i\u0307stanbul", "istanbul", "ΣΑΣ", "σας", "héllo", "HÉLLO",
      "Apple\u00C0", "baidu", "BAIDU ",
    };
    String[] literals = {
      "", "a", "apple", "Apple", "google", "key", "i\u0307stanbul", "istanbul", "σας", "héllo", "baidu", "applе",
    };
    for (String value : values) {
      for (String literal : literals) {
        assertThat(Strings.lowerEquals(value, literal))
            .as("LOWER(%s) = %s", value, literal)
            .isEqualTo(SqlFunctions.lower(value).equals(literal));
      }
      assertThat(Strings.lowerEqualsAny(value, literals))
          .as("LOWER(%s) IN ...", value)
          .isEqualTo(java.util.Arrays.asList(literals).contains(SqlFunctions.lower(value)));
    }
  }

  @Test
  void lowerReturnsALowerCaseStringItself() {
    String value = "channel-4711";
    assertThat(Strings.lower(value)).isSameAs(value);
  }

  @Test
  void splitPiecesGiveWhatSplitPartGives() {
    String[] values = {
      "", "/", "//", "a", "a/b", "/a/b/", "https://www.nexmark.com/abc/def/ghi/item.htm?query=1", "x//y",
    };
    // Checked through the differential test too; here the index arithmetic at the edges.
    for (String value : values) {
      for (String delimiter : new String[] {"/", "//", "b/"}) {
        for (int index = 1; index <= 8; index++) {
          assertThat(piece(value, delimiter, index))
              .as("SPLIT(%s, %s)[%d]", value, delimiter, index)
              .isEqualTo(Strings.splitPart(value, delimiter, index));
        }
      }
    }
  }

  private static String piece(String value, String delimiter, int index) {
    Strings.SplitPieces pieces = new Strings.SplitPieces(new Leaves.InputColumn(0), delimiter);
    pieces.need(index);
    Batch batch =
        Batch.ofRows(
            new Schema(List.of(Field.of("s", DataType.VARCHAR))), List.<Object[]>of(new Object[] {value}));
    Frame frame = new Frame(batch, new VectorExpression[] {pieces});
    Values values =
        new Strings.SplitItem(new Leaves.LocalRef(0), index).evaluate(frame, Rows.all(1));
    return (String) ((Values.Objects) values).values()[0];
  }
}
