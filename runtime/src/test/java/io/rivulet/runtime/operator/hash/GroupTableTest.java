package io.rivulet.runtime.operator.hash;

import static io.rivulet.runtime.type.DataType.BIGINT;
import static io.rivulet.runtime.type.DataType.BOOLEAN;
import static io.rivulet.runtime.type.DataType.DATE;
import static io.rivulet.runtime.type.DataType.DECIMAL;
import static io.rivulet.runtime.type.DataType.DOUBLE;
import static io.rivulet.runtime.type.DataType.INTEGER;
import static io.rivulet.runtime.type.DataType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link GroupTable}: ids, SQL's grouping equality, growth, collisions and removal. */
class GroupTableTest {

  private static Schema schema(DataType... types) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      fields.add(Field.of("c" + i, types[i]));
    }
    return new Schema(fields);
  }

  private static List<DataType> typesOf(Schema schema) {
    List<DataType> types = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      types.add(schema.type(i));
    }
    return types;
  }

  private static ColumnVector[] columns(Schema schema, Object[]... rows) {
    BatchBuilder builder = new BatchBuilder(schema, rows.length);
    for (Object[] row : rows) {
      builder.appendRow(row);
    }
    Batch batch = builder.build();
    ColumnVector[] columns = new ColumnVector[schema.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = batch.column(c);
    }
    return columns;
  }

  private static Object[] row(Object... values) {
    return values;
  }

  private static int[] identity(int count) {
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /** The group ids of every row, found column-wise in one call. */
  private static int[] groupsOf(GroupTable table, Schema schema, Object[]... rows) {
    int[] groups = new int[rows.length];
    table.findOrInsert(columns(schema, rows), identity(rows.length), rows.length, groups);
    return groups;
  }

  @Test
  void newKeysGetIdsFromZeroAndKnownKeysTheirOwn() {
    Schema schema = schema(BIGINT);
    GroupTable table = GroupTable.create(typesOf(schema));

    assertThat(groupsOf(table, schema, row(7L), row(3L), row(7L), row(-1L), row(3L)))
        .containsExactly(0, 1, 0, 2, 1);
    assertThat(groupsOf(table, schema, row(-1L), row(8L))).containsExactly(2, 3);
    assertThat(table.size()).isEqualTo(4);
    assertThat(table.idLimit()).isEqualTo(4);
    assertThat(table.key(3, 0)).isEqualTo(8L);
  }

  @Test
  void aNullKeyIsOneGroupOfItsOwn() {
    Schema schema = schema(INTEGER);
    GroupTable table = GroupTable.create(typesOf(schema));

    assertThat(groupsOf(table, schema, row((Object) null), row(0), row((Object) null)))
        .containsExactly(0, 1, 0);
    assertThat(table.key(0, 0)).isNull();
    assertThat(table.key(1, 0)).isEqualTo(0);
    ColumnVector[] probe = columns(schema, row((Object) null), row(5));
    assertThat(table.find(probe, 0)).isZero();
    assertThat(table.find(probe, 1)).isEqualTo(-1);
  }

  @Test
  void compositeKeysGroupOnEveryColumnNullsIncluded() {
    Schema schema = schema(BIGINT, VARCHAR, DATE);
    GroupTable table = GroupTable.create(typesOf(schema));

    int[] groups =
        groupsOf(
            table,
            schema,
            row(1L, "a", 10),
            row(1L, "b", 10),
            row(1L, new String("a"), 10),
            row(1L, "a", 11),
            row(null, "a", 10),
            row(null, null, null),
            row(null, null, null),
            row(1L, "a", null));
    assertThat(groups).containsExactly(0, 1, 0, 2, 3, 4, 4, 5);
    assertThat(Arrays.asList(table.key(2, 0), table.key(2, 1), table.key(2, 2)))
        .containsExactly(1L, "a", 11);
  }

  @Test
  void stringKeysCompareByContentNotIdentity() {
    Schema schema = schema(VARCHAR);
    GroupTable table = GroupTable.create(typesOf(schema));
    String[] words = {"the", "cat", "sat", "on", "the", "mat", "the", "cat"};
    Object[][] rows = new Object[words.length][];
    for (int i = 0; i < words.length; i++) {
      rows[i] = row(new String(words[i]));
    }

    assertThat(groupsOf(table, schema, rows)).containsExactly(0, 1, 2, 3, 0, 4, 0, 1);
    assertThat(table.find(columns(schema, row("mat")), 0)).isEqualTo(4);
    assertThat(table.find(columns(schema, row("dog")), 0)).isEqualTo(-1);
  }

  @Test
  void aStringKeyMatchedByAnEqualInstanceKeepsThatInstanceForLaterRows() {
    Schema schema = schema(VARCHAR);
    GroupTable table = GroupTable.create(typesOf(schema));
    String first = new String("word");
    String later = new String("word");
    assertThat(groupsOf(table, schema, row(first), row(later), row(later))).containsExactly(0, 0, 0);
    assertThat(table.key(0, 0)).isEqualTo("word").isSameAs(later);
    assertThat(table.find(columns(schema, row(new String("word"))), 0)).isEqualTo(0);
    assertThat(table.find(columns(schema, row("other")), 0)).isEqualTo(-1);
  }

  @Test
  void decimalsEqualInValueAndBothZerosAreOneGroupShownAsFirstSeen() {
    Schema schema = schema(DECIMAL, DOUBLE);
    GroupTable table = GroupTable.create(typesOf(schema));

    int[] groups =
        groupsOf(
            table,
            schema,
            row(new BigDecimal("1.50"), -0.0d),
            row(new BigDecimal("1.5"), 0.0d),
            row(new BigDecimal("0.00"), Double.NaN),
            row(BigDecimal.ZERO, Double.NaN));
    assertThat(groups).containsExactly(0, 0, 1, 1);
    assertThat(table.key(0, 0)).isEqualTo(new BigDecimal("1.50"));
    assertThat(table.key(0, 1)).isEqualTo(-0.0d);
    assertThat(table.key(1, 0)).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void noKeyColumnsMakeOneGroup() {
    Schema schema = schema(BIGINT);
    GroupTable table = GroupTable.create(List.of());
    int[] groups = new int[3];
    table.findOrInsert(new ColumnVector[0], identity(3), 3, groups);

    assertThat(groups).containsExactly(0, 0, 0);
    assertThat(table.size()).isOne();
    table.remove(0);
    assertThat(table.find(new ColumnVector[0], 0)).isEqualTo(-1);
    assertThat(table.findOrInsert(columns(schema), 0)).isZero();
  }

  @Test
  void growsFarBeyondItsFirstCapacityAndKeepsEveryKey() {
    for (List<DataType> types : List.of(List.of(BIGINT), List.of(BIGINT, BOOLEAN))) {
      Schema schema = schema(types.toArray(DataType[]::new));
      GroupTable table = GroupTable.create(types, 1);
      int keys = 50_000;
      Object[][] rows = new Object[keys][];
      for (int i = 0; i < keys; i++) {
        // Multiples of a large power of two: the low bits alone would put them all in one slot.
        long key = (long) i << 32;
        rows[i] = types.size() == 1 ? row(key) : row(key, i % 3 == 0);
      }
      int[] groups = groupsOf(table, schema, rows);
      assertThat(groups).isEqualTo(identity(keys));
      assertThat(groupsOf(table, schema, rows)).as("found again").isEqualTo(identity(keys));
      assertThat(table.size()).isEqualTo(keys);
      assertThat(table.key(keys - 1, 0)).isEqualTo((long) (keys - 1) << 32);
    }
  }

  @Test
  void keysOfOneHashAreToldApartByTheirValues() {
    // "Aa" and "BB" have the same String hash code, and so do their concatenations.
    Schema schema = schema(VARCHAR);
    GroupTable table = GroupTable.create(typesOf(schema));
    String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB"};
    assertThat(colliding[0].hashCode()).isEqualTo(colliding[3].hashCode());
    Object[][] rows = new Object[colliding.length * 2][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row(colliding[i % colliding.length]);
    }

    assertThat(groupsOf(table, schema, rows)).containsExactly(0, 1, 2, 3, 0, 1, 2, 3);
    table.remove(1);
    assertThat(table.find(columns(schema, row("AaBB")), 0)).isEqualTo(-1);
    assertThat(table.find(columns(schema, row("BBBB")), 0)).isEqualTo(3);
  }

  @Test
  void removedIdsAreReusedAndEveryOtherKeyIsStillFound() {
    for (List<DataType> types : List.of(List.of(BIGINT), List.of(VARCHAR), List.of(BIGINT, INTEGER))) {
      Schema schema = schema(types.toArray(DataType[]::new));
      GroupTable table = GroupTable.create(types);
      Random random = new Random(7);
      Map<List<Object>, Integer> expected = new HashMap<>();
      for (int step = 0; step < 20_000; step++) {
        Object[] key = randomKey(random, types);
        ColumnVector[] columns = columns(schema, key);
        Integer group = expected.get(Arrays.asList(key));
        if (group != null && random.nextInt(3) == 0) {
          table.remove(group);
          expected.remove(Arrays.asList(key));
          assertThat(table.find(columns, 0)).isEqualTo(-1);
        } else {
          int found = table.findOrInsert(columns, 0);
          if (group != null) {
            assertThat(found).isEqualTo(group);
          } else {
            assertThat(found).as("a new key takes no id in use").isNotIn(expected.values());
            expected.put(Arrays.asList(key), found);
          }
        }
      }
      assertThat(table.size()).isEqualTo(expected.size());
      assertThat(table.idLimit()).as("ids are reused").isLessThanOrEqualTo(expected.size() + 200);
      expected.forEach(
          (key, group) -> assertThat(table.find(columns(schema, key.toArray()), 0)).isEqualTo(group));
      int[] groups = table.groups(new int[0]);
      List<Integer> held = new ArrayList<>();
      for (int i = 0; i < table.size(); i++) {
        held.add(groups[i]);
      }
      assertThat(held).containsExactlyInAnyOrderElementsOf(expected.values()).isSorted();
    }
  }

  private static Object[] randomKey(Random random, List<DataType> types) {
    Object[] key = new Object[types.size()];
    for (int i = 0; i < key.length; i++) {
      int n = random.nextInt(300);
      key[i] =
          n == 0
              ? null
              : switch (types.get(i)) {
                case BIGINT -> (long) n * 1_000_003L;
                case INTEGER -> n % 7;
                default -> "k" + n;
              };
    }
    return key;
  }

  @Test
  void removingAnUnknownGroupFails() {
    GroupTable table = GroupTable.create(List.of(BIGINT));
    assertThatThrownBy(() -> table.remove(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group 0 is not in the table");
  }

  @Test
  void groupsOfAnotherTableAreFoundOrAddedWithTheirKeys() {
    for (List<DataType> types : List.of(List.of(INTEGER), List.of(VARCHAR, BIGINT))) {
      Schema schema = schema(types.toArray(DataType[]::new));
      GroupTable first = GroupTable.create(types);
      GroupTable second = GroupTable.create(types);
      Object[][] rows =
          types.size() == 1
              ? new Object[][] {row(1), row((Object) null), row(2)}
              : new Object[][] {row("a", 1L), row(null, null), row("b", 2L)};
      groupsOf(first, schema, rows[0], rows[1]);
      groupsOf(second, schema, rows[2], rows[1]);

      assertThat(first.findOrInsertGroup(second, 1)).as("the null key").isEqualTo(1);
      assertThat(first.findOrInsertGroup(second, 0)).as("a new key").isEqualTo(2);
      for (int c = 0; c < types.size(); c++) {
        assertThat(first.key(2, c)).isEqualTo(rows[2][c]);
      }
      assertThat(first.find(columns(schema, rows[2]), 0)).isEqualTo(2);
    }
  }

  @Test
  void groupsSortByKeyColumnByColumnWithNullsFirst() {
    Schema schema = schema(VARCHAR, BIGINT);
    GroupTable table = GroupTable.create(typesOf(schema));
    groupsOf(
        table,
        schema,
        row("b", 2L),
        row("a", 9L),
        row(null, 5L),
        row("b", null),
        row("a", 1L));
    int[] groups = table.groups(new int[0]);
    table.sortByKey(groups, table.size());

    List<List<Object>> keys = new ArrayList<>();
    for (int group : groups) {
      keys.add(Arrays.asList(table.key(group, 0), table.key(group, 1)));
    }
    assertThat(keys)
        .containsExactly(
            Arrays.asList(null, 5L),
            Arrays.asList("a", 1L),
            Arrays.asList("a", 9L),
            Arrays.asList("b", null),
            Arrays.asList("b", 2L));
  }

  @Test
  void manyGroupsSortLikeASortedList() {
    Schema schema = schema(BIGINT);
    GroupTable table = GroupTable.create(typesOf(schema));
    Random random = new Random(3);
    Object[][] rows = new Object[5_000][];
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      long value = random.nextInt(1_000_000) - 500_000;
      rows[i] = row(value);
    }
    groupsOf(table, schema, rows);
    for (int group = 0; group < table.size(); group++) {
      values.add((Long) table.key(group, 0));
    }
    int[] groups = table.groups(new int[0]);
    table.sortByKey(groups, table.size());
    List<Long> sorted = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      sorted.add((Long) table.key(groups[i], 0));
    }
    values.sort(null);
    assertThat(sorted).isEqualTo(values);
  }

  @Test
  void clearDropsEveryGroup() {
    Schema schema = schema(VARCHAR);
    GroupTable table = GroupTable.create(typesOf(schema));
    groupsOf(table, schema, row("a"), row("b"));
    table.clear();

    assertThat(table.size()).isZero();
    assertThat(table.find(columns(schema, row("a")), 0)).isEqualTo(-1);
    assertThat(groupsOf(table, schema, row("b"))).containsExactly(0);
  }
}
