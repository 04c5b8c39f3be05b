package io.rivulet.runtime.operator.hash;

import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.ObjectVector;
import io.rivulet.runtime.batch.VectorBuilder;
import io.rivulet.runtime.type.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StringGroupTable}: the table {@link GroupTable#create} makes for one VARCHAR key, checked
 * against {@link MultiColumnGroupTable} over the same column, which it replaces there.
 */
class StringGroupTableTest {
  private static final List<DataType> ONE_STRING = List.of(VARCHAR);

  private static ColumnVector[] column(String... values) {
    return new ColumnVector[] {new ObjectVector(VARCHAR, values, values.length)};
  }

  private static int[] identity(int count) {
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      rows[i] = i;
    }
    return rows;
  }

  private static int[] groupsOf(GroupTable table, String... values) {
    int[] groups = new int[values.length];
    table.findOrInsert(column(values), identity(values.length), values.length, groups);
    return groups;
  }

  /** Words of a few letters, so that many repeat, with nulls and empty strings among them. */
  private static String[] randomWords(Random random, int count) {
    String[] words = new String[count];
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(50);
      if (kind == 0) {
        words[i] = null;
      } else if (kind == 1) {
        words[i] = "";
      } else {
        char[] letters = new char[1 + random.nextInt(3)];
        for (int c = 0; c < letters.length; c++) {
          letters[c] = (char) ('a' + random.nextInt(kind == 2 ? 3 : 12));
        }
        words[i] = new String(letters);
      }
    }
    return words;
  }

  @Test
  void createMakesItForOneVarcharKeyOnly() {
    assertThat(GroupTable.create(ONE_STRING)).isInstanceOf(StringGroupTable.class);
    assertThat(GroupTable.create(List.of(VARCHAR, VARCHAR)))
        .isInstanceOf(MultiColumnGroupTable.class);
    assertThat(GroupTable.create(List.of(DataType.DECIMAL)))
        .isInstanceOf(MultiColumnGroupTable.class);
    assertThatThrownBy(() -> new StringGroupTable(List.of(DataType.BIGINT), 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a string group table needs one VARCHAR key, not [BIGINT]");
  }

  @Test
  void givesTheSameIdsKeysAndOrderAsTheColumnWiseTable() {
    Random random = new Random(7);
    GroupTable strings = new StringGroupTable(ONE_STRING, 16);
    GroupTable general = new MultiColumnGroupTable(ONE_STRING, 16);
    for (int batch = 0; batch < 20; batch++) {
      String[] words = randomWords(random, 1 + random.nextInt(400));
      assertThat(groupsOf(strings, words)).containsExactly(groupsOf(general, words));
      // Remove some groups, so that later keys reuse their ids and probes cross shifted slots.
      for (int group = batch % 3; group < strings.idLimit(); group += 5) {
        if (strings.contains(group)) {
          strings.remove(group);
          general.remove(group);
        }
      }
      assertThat(strings.size()).isEqualTo(general.size());
      String[] probes = randomWords(random, 50);
      for (int i = 0; i < probes.length; i++) {
        assertThat(strings.find(column(probes), i)).isEqualTo(general.find(column(probes), i));
      }
    }
    int[] ids = strings.groups(new int[0]);
    int count = strings.size();
    for (int i = 0; i < count; i++) {
      assertThat(strings.key(ids[i], 0)).isEqualTo(general.key(ids[i], 0));
    }
    int[] sortedStrings = Arrays.copyOf(ids, count);
    int[] sortedGeneral = Arrays.copyOf(ids, count);
    strings.sortByKey(sortedStrings, count);
    general.sortByKey(sortedGeneral, count);
    assertThat(sortedStrings).containsExactly(sortedGeneral);
    assertThat(strings.key(sortedStrings[0], 0)).isNull();
  }

  @Test
  void aNullKeyIsOneGroupApartFromTheEmptyString() {
    GroupTable table = new StringGroupTable(ONE_STRING, 16);
    assertThat(groupsOf(table, null, "", null, "", "x")).containsExactly(0, 1, 0, 1, 2);
    assertThat(table.key(0, 0)).isNull();
    assertThat(table.key(1, 0)).isEqualTo("");
    assertThat(table.compareKeys(0, 1)).isNegative();
    assertThat(table.compareKeys(2, 1)).isPositive();
  }

  @Test
  void keepsTheLatestEqualInstanceSoLaterRowsMatchByIdentity() {
    GroupTable table = new StringGroupTable(ONE_STRING, 16);
    String first = new String("word");
    String later = new String("word");
    assertThat(groupsOf(table, first, later)).containsExactly(0, 0);
    assertThat(table.key(0, 0)).isSameAs(later);
    VectorBuilder builder = VectorBuilder.create(VARCHAR, 1);
    table.appendKey(0, 0, builder);
    assertThat(builder.build().get(0)).isSameAs(later);
  }

  @Test
  void keysOfOneHashCodeAreToldApart() {
    // "Aa" and "BB" have the same String hash code, so they share a slot hash.
    GroupTable table = new StringGroupTable(ONE_STRING, 16);
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(groupsOf(table, "Aa", "BB", "AaAa", "BBBB", "AaBB", "BB", "Aa"))
        .containsExactly(0, 1, 2, 3, 4, 1, 0);
    assertThat(table.find(column("BBAa"), 0)).isEqualTo(-1);
  }

  @Test
  void groupsOfAnotherTableAreFoundOrAddedAndClearForgetsAll() {
    GroupTable table = new StringGroupTable(ONE_STRING, 16);
    GroupTable other = new StringGroupTable(ONE_STRING, 16);
    groupsOf(table, "a", "b");
    groupsOf(other, "c", "b", null);
    assertThat(table.findOrInsertGroup(other, 0)).isEqualTo(2);
    assertThat(table.findOrInsertGroup(other, 1)).isEqualTo(1);
    assertThat(table.findOrInsertGroup(other, 2)).isEqualTo(3);
    assertThat(table.key(2, 0)).isEqualTo("c");
    assertThat(table.key(3, 0)).isNull();
    table.clear();
    assertThat(table.size()).isZero();
    assertThat(table.find(column("a"), 0)).isEqualTo(-1);
    assertThat(groupsOf(table, "b", "a")).containsExactly(0, 1);
  }
}
