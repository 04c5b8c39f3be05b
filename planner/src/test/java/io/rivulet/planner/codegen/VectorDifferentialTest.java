package io.rivulet.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.rivulet.parser.Position;
import io.rivulet.parser.QuerySource;
import io.rivulet.parser.TypeSpec;
import io.rivulet.planner.PlannedQuery;
import io.rivulet.planner.PlannerOptions;
import io.rivulet.planner.QueryPlanner;
import io.rivulet.planner.catalog.Catalog;
import io.rivulet.planner.catalog.Column;
import io.rivulet.planner.catalog.SourceObject;
import io.rivulet.planner.codegen.vector.VectorCompiler;
import io.rivulet.runtime.RivuletException;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.BatchBuilder;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.batch.DecimalVector;
import io.rivulet.runtime.batch.RowKind;
import io.rivulet.runtime.operator.calc.BatchFunction;
import io.rivulet.runtime.operator.calc.CalcFactory;
import io.rivulet.runtime.plan.OperatorNode;
import io.rivulet.runtime.plan.PhysicalNode;
import io.rivulet.runtime.type.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The column-at-a-time path against the row-at-a-time path: the same Calc program on the same
 * random batches (with NULLs, edge values, changelog kinds) must give identical rows (values,
 * types, DECIMAL scales, kinds) or the identical error. On "tame" batches (no overflow, no zero
 * divisor) the programs must in fact run column at a time, so the comparison is not vacuous.
 */
class VectorDifferentialTest {
  private static final int BATCHES = 12;

  private static final String[] STRINGS = {
    "", " ", "apple", "Apple", "APPLE", "google", "Facebook", "baidu", "  Hello World  ", "xxabcxx",
    "héllo wörld", "a\nb", "50% off_now", "channel-4711", "cc", "c", "a_b", "12", "-7", "İstanbul",
    "https://www.nexmark.com/abc/def/ghi/item.htm?query=1&channel_id=1234",
    "https://www.nexmark.com/abc/def/item.htm?query=1",
    "//x//y/", "/",
  };

  private static final List<Column> COLUMNS =
      List.of(
          new Column("l", TypeSpec.of("BIGINT"), false, false),
          new Column("i", TypeSpec.of("INTEGER"), false, false),
          new Column("d", TypeSpec.of("DECIMAL", 10, 2), false, false),
          new Column("x", TypeSpec.of("DOUBLE"), false, false),
          new Column("s", TypeSpec.of("VARCHAR"), false, false),
          new Column("u", TypeSpec.of("VARCHAR"), false, false),
          new Column("b", TypeSpec.of("BOOLEAN"), false, false),
          new Column("ts", TypeSpec.of("TIMESTAMP", 3), false, false),
          new Column("dt", TypeSpec.of("DATE"), false, false),
          new Column("nn", TypeSpec.of("BIGINT"), true, false));

  private final QueryPlanner planner;

  VectorDifferentialTest() {
    Catalog catalog = new Catalog();
    catalog.add(
        new SourceObject(
            "t", true, COLUMNS, Optional.empty(), Map.of("connector", "datagen", "number-of-rows", "10")),
        false,
        false);
    planner = new QueryPlanner(catalog, Clock.systemUTC());
  }

  /** Programs that never need the row path on tame batches. */
  static Stream<Arguments> vectorized() {
    return Stream.of(
        "SELECT l + 1, l - i, l * 3, l / 7, MOD(l, 7), i + i, i * 1000, i / 3, -l, -i, MOD(i, 5), nn * 2 FROM t",
        "SELECT d + 1, d * 2, d - d, d * d, -d, d + l, d * i, 0.908 * l, 1.5 + d, d - 0.125 FROM t",
        "SELECT x * 2, x + i, x / 4, x - l, -x, x / 0, l * 1.5e0 FROM t",
        "SELECT ts + INTERVAL '1' HOUR, ts - INTERVAL '2' SECOND, INTERVAL '1' DAY + ts FROM t",
        "SELECT l = 3, l <> i, i < 5, d > 1, d >= l, x <= 2.5, x = i, s = 'apple', s < 'b', s >= u,"
            + " b = TRUE, b <> (l > 0), ts > TIMESTAMP '2024-01-01 00:00:00', d < 0.5, dt = DATE '2024-02-29',"
            + " b < (i > 0) FROM t",
        "SELECT b AND l > 0, b OR l > 0, NOT b, b IS NULL, b IS NOT NULL, b IS TRUE, b IS NOT TRUE,"
            + " b IS FALSE, b IS NOT FALSE, (l > 0) IS UNKNOWN, l IS NULL, s IS NOT NULL,"
            + " b AND i > 0 AND x > 0, b OR i > 0 OR s = 'x' FROM t",
        "SELECT CASE i WHEN 3 THEN 'three' WHEN 10 THEN 'ten' ELSE 'other' END, CASE WHEN b THEN d ELSE 0 END,"
            + " CASE WHEN i > 0 THEN i END, COALESCE(s, 'none'), COALESCE(i, -1), NULLIF(i, 10), COALESCE(d, 0.5),"
            + " CASE WHEN l = 0 THEN 0 ELSE 100 / l END, CASE WHEN b THEN x WHEN i > 0 THEN 1.5e0 END,"
            + " CASE WHEN s IS NULL THEN FALSE ELSE b END, COALESCE(ts, TIMESTAMP '2020-01-01 00:00:00') FROM t",
        "SELECT i BETWEEN -7 AND 3, l IN (1, 4), l IN (1, 2, 3, 4, 5), i NOT IN (1, 2), s IN ('apple', 'b'),"
            + " x BETWEEN 0 AND 10, d IN (1.50, 2.00), d BETWEEN 1 AND 100,"
            + " ts BETWEEN TIMESTAMP '2020-01-01 00:00:00' AND TIMESTAMP '2030-01-01 00:00:00',"
            + " LOWER(s) IN ('apple', 'google', 'facebook', 'baidu'), 'apple' = s, s <> 'apple', s NOT IN ('a', 'c'),"
            + " i IN (1, 2, 3) OR i IS NULL, i NOT IN (1, 2, 3) OR i IS NULL, (l IN (1, 2)) IS NOT FALSE FROM t",
        "SELECT CHAR_LENGTH(REPLACE(s, 'l', '')), CHAR_LENGTH(REPLACE(s, 'll', 'x')), CHAR_LENGTH(REPLACE(s, '', 'x')),"
            + " CHAR_LENGTH(REPLACE(u, '/', 'abc')), CHAR_LENGTH(REPLACE(s, 'cc', 'c')), REPLACE(s, 'c', '') FROM t",
        "SELECT CAST(d AS INT), CAST(x AS BIGINT), CAST(i AS DOUBLE), CAST(i AS DECIMAL(12, 2)),"
            + " CAST(d AS DECIMAL(10, 1)), CAST(d AS DECIMAL(12, 4)), CAST(l AS VARCHAR),"
            + " CAST(b AS VARCHAR), CAST(ts AS VARCHAR), CAST(d AS VARCHAR), CAST(x AS VARCHAR),"
            + " CAST(ts AS DATE), CAST(i AS BIGINT), CAST(i AS SMALLINT), CAST(s AS VARCHAR) FROM t",
        "SELECT EXTRACT(YEAR FROM ts), EXTRACT(QUARTER FROM ts), EXTRACT(MONTH FROM ts), EXTRACT(WEEK FROM ts),"
            + " EXTRACT(DAY FROM ts), EXTRACT(DOW FROM ts), EXTRACT(DOY FROM ts), EXTRACT(HOUR FROM ts),"
            + " EXTRACT(MINUTE FROM ts), EXTRACT(SECOND FROM ts), FLOOR(ts TO HOUR), CEIL(ts TO MINUTE),"
            + " FLOOR(ts TO SECOND), EXTRACT(YEAR FROM dt), EXTRACT(DOW FROM dt), EXTRACT(MONTH FROM dt) FROM t",
        "SELECT LOWER(s), UPPER(s), CHAR_LENGTH(s), CHARACTER_LENGTH(u), SUBSTRING(s FROM 2),"
            + " SUBSTRING(s FROM 2 FOR 3), POSITION('a' IN s), POSITION(s IN u), POSITION('a' IN s FROM 2),"
            + " REPLACE(s, 'a', 'xy'), REPLACE(u, s, '-'), s || u, CONCAT(s, '-', u), '[' || s || ']', TRIM(s),"
            + " TRIM(LEADING 'x' FROM s), TRIM(TRAILING FROM s), TRIM(BOTH 'x' FROM s) FROM t",
        "SELECT s LIKE 'a%', s LIKE '%a', s LIKE '%pp%', s LIKE 'apple', s LIKE '%', s LIKE '', s LIKE 'a_p%',"
            + " s NOT LIKE '%e', s LIKE '50\\%%' ESCAPE '\\', u LIKE '%channel_id=%', s LIKE '%b', s LIKE 'a%b' FROM t",
        "SELECT SPLIT(u, '/')[1], SPLIT(u, '/')[4], SPLIT(u, '/')[5], SPLIT(u, '/')[9], SPLIT(s, '')[1],"
            + " SPLIT(s, '')[2], SPLIT(s, 'l')[2], SPLIT(u, '/')[0], SPLIT(u, '//')[2], SPLIT(u, '/') FROM t",
        "SELECT l, d, s FROM t WHERE l > 0 AND s IS NOT NULL",
        "SELECT s, i FROM t WHERE b",
        "SELECT l, 0.908 * l AS p, CASE WHEN EXTRACT(HOUR FROM ts) >= 8 AND EXTRACT(HOUR FROM ts) <= 18"
            + " THEN 'dayTime' WHEN EXTRACT(HOUR FROM ts) <= 6 OR EXTRACT(HOUR FROM ts) >= 20 THEN 'nightTime'"
            + " ELSE 'otherTime' END AS t, ts, s, CHAR_LENGTH(s) - CHAR_LENGTH(REPLACE(s, 'c', '')) AS c"
            + " FROM t WHERE 0.908 * l > 1000 AND 0.908 * l < 50000000",
        "SELECT l, i, s, CASE WHEN LOWER(s) = 'apple' THEN '0' WHEN LOWER(s) = 'google' THEN '1'"
            + " WHEN LOWER(s) = 'facebook' THEN '2' WHEN LOWER(s) = 'baidu' THEN '3'"
            + " ELSE SUBSTRING(u FROM POSITION('channel_id=' IN u) + 11) END AS channel_id FROM t"
            + " WHERE POSITION('channel_id=' IN u) > 0 OR LOWER(s) IN ('apple', 'google', 'facebook', 'baidu')",
        "SELECT l, CAST(ts AS DATE) AS dd, CASE WHEN l < 10000 THEN 1 ELSE 0 END AS r1,"
            + " CASE WHEN l >= 10000 AND l < 1000000 THEN 1 ELSE 0 END AS r2 FROM t",
        "SELECT l, SPLIT(u, '/')[4] AS dir1, SPLIT(u, '/')[5] AS dir2, SPLIT(u, '/')[6] AS dir3 FROM t",
        "SELECT SPLIT(u, '/')[2], SPLIT(s, '/')[1], SPLIT(u, '/')[3], SPLIT(u, '//')[2], SPLIT(u, '/')[7],"
            + " SPLIT(LOWER(u), '/')[4], SPLIT(u, '/')[2] || SPLIT(u, '/')[4] FROM t WHERE SPLIT(u, '/')[3] <> 'x'",
        "SELECT ABS(l), ABS(i), ABS(d), ABS(x), ABS(-i), ABS(nn), ABS(d * d) FROM t",
        "SELECT ROUND(d, 1), ROUND(d), ROUND(d, 2), ROUND(d, 4), ROUND(x), ROUND(x, 2), ROUND(d * d, 3),"
            + " ROUND(d, 0) FROM t",
        "SELECT FLOOR(ts TO DAY), CEIL(ts TO DAY), FLOOR(ts TO MONTH), CEIL(ts TO MONTH), FLOOR(ts TO QUARTER),"
            + " FLOOR(ts TO YEAR), CEIL(ts TO YEAR), FLOOR(dt TO MONTH), CEIL(dt TO YEAR), CEIL(dt TO QUARTER) FROM t",
        "SELECT CAST(s AS VARCHAR(3)), CAST(s AS CHAR(3)), CAST(s AS CHAR(12)), CAST(l AS VARCHAR(5)),"
            + " CAST(l AS CHAR(30)), CAST(i AS VARCHAR(2)), CAST(b AS VARCHAR(4)), CAST(u AS VARCHAR(100)) FROM t",
        "SELECT dt + INTERVAL '1' DAY, dt - INTERVAL '2' DAY, INTERVAL '3' DAY + dt, dt + INTERVAL '25' HOUR,"
            + " dt - INTERVAL '2' MONTH, dt + INTERVAL '1' YEAR, ts + INTERVAL '1' MONTH, ts - INTERVAL '1' YEAR,"
            + " INTERVAL '13' MONTH + ts, INTERVAL '2' YEAR + dt, dt - INTERVAL '25' HOUR FROM t",
        "SELECT l FROM t WHERE dt + INTERVAL '1' MONTH > DATE '2000-01-01' AND ABS(i) < 10",
        // Comparisons with literals as ranges: literals of a finer scale, on the left, empty ranges.
        "SELECT d > 1.125, d >= 1.125, d < -1.125, d <= -1.125, d = 1.125, d = 1.10, 2.5 <= d, 0.5 > d,"
            + " i >= 3 AND i < 10, d > 1 AND d < 2.005, l = 3 AND l > 0, i > 10 AND i < 5, 3 = i,"
            + " (i > 0 AND i <= 7) IS NULL, NOT (d >= 0.01 AND d < 500) FROM t",
        "SELECT l, d FROM t WHERE 5 < l AND l <= 100000000 AND l >= -3",
        "SELECT i, s FROM t WHERE d > 0.005",
        // CASEs whose branch per row is found in ranges of one expression (the first TRUE wins).
        "SELECT CASE WHEN i > 3 THEN 'a' WHEN i >= 0 AND i < 10 THEN 'b' WHEN i < -5 OR i = 20 THEN 'c' END,"
            + " CASE WHEN d >= 1.5 THEN d WHEN d < -0.005 OR d = 0 THEN -d ELSE 0 END,"
            + " CASE WHEN l = 3 THEN 1 WHEN l > 3 THEN 2 ELSE 3 END,"
            + " CASE WHEN EXTRACT(HOUR FROM ts) <= 6 OR EXTRACT(HOUR FROM ts) >= 20 THEN l"
            + " WHEN EXTRACT(HOUR FROM ts) BETWEEN 8 AND 18 THEN i END FROM t",
        "SELECT l, i FROM t WHERE d >= -1.125 AND d < 100.0001 AND 99.5 > d",
        "SELECT s FROM t WHERE ts >= TIMESTAMP '2000-01-01 00:00:00' AND ts < TIMESTAMP '2050-01-01 00:00:00'")
        .map(Arguments::of);
  }

  /** Programs whose rows may need the row path (a zero divisor, an overflow) but still run vectorized. */
  static Stream<Arguments> sometimesRowAtATime() {
    return Stream.of(
        "SELECT l / i, MOD(l, i), i / (i - 3) FROM t",
        "SELECT l FROM t WHERE i <> 0 AND 10 / i > 1",
        "SELECT CAST(l AS INT), CAST(d AS DECIMAL(4, 2)), CAST(x AS DECIMAL(18, 0)), CAST(x AS DECIMAL(5, 2)) FROM t",
        "SELECT CAST(s AS BIGINT), CAST(s AS INT) FROM t WHERE s IN ('12', '-7', 'c')",
        "SELECT d * d * d * d, d * 1000000000000 FROM t",
        "SELECT l, 0.908 * l FROM t WHERE 0.908 * l > 1000 AND 0.908 * l < 50000000",
        "SELECT l FROM t WHERE d * 1000000000 > 5 AND d * 1000000000 <= 1000000000000",
        "SELECT MOD(d, 3), MOD(d, i), MOD(d * d, d), MOD(d, 0.07), MOD(-d, 7), MOD(d, l) FROM t",
        "SELECT SUBSTRING(s, i), SUBSTRING(s, i, i - 2), SUBSTRING(s FROM 2 FOR i) FROM t",
        // Memoized per string, and some strings are no numbers: the row path's error.
        "SELECT l, CAST(TRIM(s) AS BIGINT) + 1 FROM t WHERE LOWER(s) IN ('12', '-7', 'c')")
        .map(Arguments::of);
  }

  /**
   * Programs with projections that have no kernel (INITCAP, a CAST from text to DOUBLE, ...): the
   * filter and the other projections run column at a time, those row at a time; the batches that
   * make one of them fail must give the whole row path's error.
   */
  static Stream<Arguments> mixed() {
    return Stream.of(
        "SELECT INITCAP(s), l + 1, s FROM t",
        "SELECT l, INITCAP(s) AS c, CHAR_LENGTH(s) FROM t WHERE l > 0 AND b",
        "SELECT INITCAP(LOWER(s)), LOWER(s), INITCAP(u) || '!' FROM t WHERE s IS NOT NULL",
        "SELECT s, CAST(s AS DOUBLE) FROM t WHERE s IN ('12', '-7', 'c', 'apple')",
        "SELECT i, CAST(s AS DOUBLE) + i, l / i FROM t WHERE s IN ('12', '-7') OR i > 3",
        "SELECT INITCAP(s) FROM t WHERE i > 0",
        "SELECT l * 2, INITCAP(s), d + 1, INITCAP(u), x FROM t WHERE NOT b",
        "SELECT d / 3, MOD(d, 0.001), d + 1 FROM t WHERE d > 0")
        .map(Arguments::of);
  }

  /** Programs with string computations of one column, memoized per distinct string. */
  static Stream<Arguments> memoized() {
    return Stream.of(
        "SELECT l, i, s, CASE WHEN LOWER(s) = 'apple' THEN '0' WHEN LOWER(s) = 'google' THEN '1'"
            + " WHEN LOWER(s) = 'facebook' THEN '2' WHEN LOWER(s) = 'baidu' THEN '3'"
            + " ELSE SUBSTRING(u FROM POSITION('channel_id=' IN u) + 11) END AS channel_id FROM t"
            + " WHERE POSITION('channel_id=' IN u) > 0 OR LOWER(s) IN ('apple', 'google', 'facebook', 'baidu')",
        "SELECT LOWER(s), UPPER(s) || '!', CHAR_LENGTH(TRIM(s)), s LIKE '%pp%', SUBSTRING(s FROM 2 FOR 3),"
            + " POSITION('a' IN s) > 0, COALESCE(LOWER(s), 'none'), LOWER(s) IS NULL,"
            + " CASE WHEN LOWER(s) = 'apple' THEN 1 ELSE 0 END, LOWER(s) || LOWER(u) FROM t",
        "SELECT l, SPLIT(u, '/')[4] AS dir1, SPLIT(u, '/')[5] AS dir2, SPLIT(u, '/')[6] AS dir3,"
            + " CHAR_LENGTH(u) - CHAR_LENGTH(REPLACE(u, 'c', '')) AS c FROM t WHERE SPLIT(u, '/')[3] <> 'x'",
        "SELECT CAST(CHAR_LENGTH(LOWER(s)) AS DOUBLE) / 2, l + CHAR_LENGTH(LOWER(s)),"
            + " CAST(CHAR_LENGTH(LOWER(s)) AS DECIMAL(10, 2)) * 1.5, CASE WHEN s IN ('12', '-7') THEN"
            + " CAST(TRIM(s) AS BIGINT) END FROM t WHERE LOWER(s) <> 'x' OR s IS NULL",
        // Branches chosen by one column's strings, their results from other columns.
        "SELECT CASE WHEN LOWER(s) = 'apple' THEN l WHEN s LIKE '%a%' THEN i * 2 WHEN s IS NULL THEN -1"
            + " ELSE CHAR_LENGTH(u) END, CASE WHEN UPPER(s) = 'GOOGLE' THEN d WHEN POSITION('o' IN s) > 1"
            + " THEN d * 2 END, CASE WHEN TRIM(s) = '' THEN NULL WHEN LOWER(s) LIKE 'c%' THEN LOWER(u) ELSE s"
            + " END FROM t")
        .map(Arguments::of);
  }

  /**
   * Memoized programs on batches of few distinct strings (new instances, as a parser makes them),
   * of unique strings (enough for the dictionaries to fill and stand aside), then few again, all
   * with NULLs; also with memoizing off, which must give the same.
   */
  @ParameterizedTest
  @MethodSource("memoized")
  void memoizedProgramsComputeWhatTheRowPathComputes(String sql) {
    CalcCompiler.ColumnAtATime calc = vectorizedCalc(sql);
    assertThat(calc.vector().isMemoized()).as("memoized expressions in %s", sql).isTrue();
    Random random = new Random(sql.hashCode());
    int[] modes = {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0};
    for (int b = 0; b < modes.length; b++) {
      int rows = b % 4 == 1 ? 1 + random.nextInt(3) : modes[b] == 1 ? 3000 : 50 + random.nextInt(500);
      Batch batch = withStrings(random, batch(random, rows, true), modes[b] == 1);
      Batch vector = calc.vector().evaluate(batch);
      assertThat(vector).as("column at a time for\n%s", batch).isNotNull();
      assertSame(vector, calc.rows().apply(batch), batch);
    }
    String previous = System.setProperty(VectorCompiler.MEMOIZE_PROPERTY, "false");
    try {
      CalcCompiler.ColumnAtATime plain = vectorizedCalc(sql);
      assertThat(plain.vector().isMemoized()).isFalse();
      Batch batch = withStrings(random, batch(random, 200, true), false);
      assertSame(plain.vector().evaluate(batch), calc.vector().evaluate(batch), batch);
    } finally {
      if (previous == null) {
        System.clearProperty(VectorCompiler.MEMOIZE_PROPERTY);
      } else {
        System.setProperty(VectorCompiler.MEMOIZE_PROPERTY, previous);
      }
    }
  }

  /** The batch with new string columns: new instances of the few {@link #STRINGS}, or unique ones. */
  private static Batch withStrings(Random random, Batch batch, boolean unique) {
    BatchBuilder builder = new BatchBuilder(batch.schema(), batch.rowCount());
    for (int r = 0; r < batch.rowCount(); r++) {
      Object[] row = batch.row(r);
      for (int c = 4; c <= 5; c++) {
        String value;
        if (random.nextInt(8) == 0) {
          value = null;
        } else if (unique) {
          value = STRINGS[random.nextInt(STRINGS.length)] + "/" + Long.toHexString(random.nextLong())
              + (random.nextBoolean() ? "/Q" : "&channel_id=" + random.nextInt(1000));
        } else {
          value = new String(STRINGS[random.nextInt(STRINGS.length)]);
        }
        row[c] = value;
      }
      builder.appendRow(row, batch.kind(r));
    }
    return builder.build();
  }

  @ParameterizedTest
  @MethodSource("mixed")
  void mixedProgramsComputeWhatTheRowPathComputes(String sql) {
    CalcCompiler.ColumnAtATime calc = vectorizedCalc(sql);
    assertThat(calc.vector().isMixed()).as("row-at-a-time projections in %s", sql).isTrue();
    Random random = new Random(sql.hashCode());
    int vectorized = 0;
    for (int b = 0; b < 4 * BATCHES; b++) {
      Batch batch = batch(random, b % 3 == 0 ? 1 + random.nextInt(3) : 50 + random.nextInt(200), b % 4 != 3);
      if (compare(calc, batch)) {
        vectorized++;
      }
    }
    assertThat(vectorized).as("batches evaluated column at a time").isPositive();
  }

  @Test
  void aMixedProgramReportsTheRowPathsErrorForTheFirstFailingRow() {
    CalcCompiler.ColumnAtATime calc = vectorizedCalc("SELECT CAST(s AS DOUBLE), l + 1 FROM t");
    Schema schema = source();
    BatchBuilder builder = new BatchBuilder(schema, 3);
    builder.appendRow(new Object[] {1L, 1, null, null, "1.5", null, null, null, null, 0L});
    builder.appendRow(new Object[] {2L, 1, null, null, "apple", null, null, null, null, 0L});
    builder.appendRow(new Object[] {3L, 1, null, null, "pear", null, null, null, null, 0L});
    Batch batch = builder.build();
    assertThat(calc.vector().evaluate(batch)).isNull();
    try {
      calc.apply(batch);
      fail("no error for a text that is no number");
    } catch (RivuletException e) {
      assertThat(e.getMessage())
          .startsWith(
              "cannot evaluate an expression for the row (l=2, s=apple): "
                  + "For input string: \"apple\";");
    }
  }

  @Test
  void aProgramWithNothingToComputeColumnAtATimeRunsRowAtATime() {
    assertThat(calc("SELECT INITCAP(s), l FROM t")).isInstanceOf(CalcCompiler.RowAtATime.class);
  }

  @Test
  void aProgramWithAnUnsupportedConditionRunsRowAtATime() {
    assertThat(calc("SELECT l + 1 FROM t WHERE INITCAP(s) = 'Apple'"))
        .isInstanceOf(CalcCompiler.RowAtATime.class);
  }

  @ParameterizedTest
  @MethodSource("vectorized")
  void theVectorPathComputesWhatTheRowPathComputes(String sql) {
    CalcCompiler.ColumnAtATime calc = vectorizedCalc(sql);
    assertThat(calc.vector().isMixed()).as("row-at-a-time projections in %s", sql).isFalse();
    Random random = new Random(sql.hashCode());
    for (int b = 0; b < BATCHES; b++) {
      Batch batch = batch(random, b % 3 == 0 ? 1 + random.nextInt(3) : 50 + random.nextInt(200), true);
      Batch vector = calc.vector().evaluate(batch);
      assertThat(vector).as("column at a time for\n%s", batch).isNotNull();
      assertSame(vector, calc.rows().apply(batch), batch);
    }
    for (int b = 0; b < BATCHES; b++) {
      compare(calc, batch(random, 100, false));
    }
  }

  @ParameterizedTest
  @MethodSource("sometimesRowAtATime")
  void rowsTheVectorPathCannotComputeGiveTheRowPathsResultOrError(String sql) {
    CalcCompiler.ColumnAtATime calc = vectorizedCalc(sql);
    Random random = new Random(sql.hashCode());
    int vectorized = 0;
    for (int b = 0; b < 4 * BATCHES; b++) {
      Batch batch = batch(random, 1 + random.nextInt(b % 2 == 0 ? 4 : 100), b % 3 != 0);
      if (compare(calc, batch)) {
        vectorized++;
      }
    }
    assertThat(vectorized).as("batches evaluated column at a time").isPositive();
  }

  @Test
  void aPureProjectionStaysZeroCopy() {
    Batch batch = batch(new Random(1), 10, false);
    Batch projected = calc("SELECT s, l FROM t").apply(batch);
    assertThat(projected.column(0)).isSameAs(batch.column(4));
  }

  @Test
  void computedColumnsWithoutAFilterShareTheInputColumnsPassedThrough() {
    Batch batch = batch(new Random(1), 10, false);
    Batch result = calc("SELECT s, l + 1 FROM t").apply(batch);
    assertThat(result.column(0)).isSameAs(batch.column(4));
  }

  /**
   * Both paths on one batch; true when the vector path computed it. Equal rows, or the same error.
   */
  private static boolean compare(CalcCompiler.ColumnAtATime calc, Batch batch) {
    Batch vector = calc.vector().evaluate(batch);
    Batch rows;
    try {
      rows = calc.rows().apply(batch);
    } catch (RivuletException error) {
      assertThat(vector).as("the vector path computed a batch the row path rejects: %s", error.getMessage()).isNull();
      try {
        calc.apply(batch);
        fail("no error for a batch the row path rejects: " + error.getMessage());
      } catch (RivuletException again) {
        assertThat(again.getMessage()).isEqualTo(error.getMessage());
      }
      return false;
    }
    if (vector != null) {
      assertSame(vector, rows, batch);
    }
    assertSame(calc.apply(batch), rows, batch);
    return vector != null;
  }

  private static void assertSame(Batch actual, Batch expected, Batch input) {
    assertThat(actual.schema()).isEqualTo(expected.schema());
    assertThat(actual.rowCount()).as("rows of\n%s", input).isEqualTo(expected.rowCount());
    for (int c = 0; c < actual.columnCount(); c++) {
      if (!(actual.column(c) instanceof DecimalVector)) {
        // The row path builds DECIMAL columns of BigDecimals; the kernels' DecimalVector stands
        // for them, and the rows below compare its values with their scales.
        assertThat(actual.column(c).getClass()).isEqualTo(expected.column(c).getClass());
      }
      assertThat(actual.column(c).type()).isEqualTo(expected.column(c).type());
      assertThat(actual.column(c).size()).isEqualTo(expected.rowCount());
    }
    for (int r = 0; r < actual.rowCount(); r++) {
      Object[] got = actual.row(r);
      Object[] want = expected.row(r);
      assertThat(Arrays.deepEquals(got, want))
          .as("row %d: %s, expected %s, of\n%s", r, Arrays.deepToString(got), Arrays.deepToString(want), input)
          .isTrue();
      assertThat(actual.kind(r)).isEqualTo(expected.kind(r));
    }
  }

  private CalcCompiler.ColumnAtATime vectorizedCalc(String sql) {
    BatchFunction function = calc(sql);
    assertThat(function).as("the calc of %s", sql).isInstanceOf(CalcCompiler.ColumnAtATime.class);
    return (CalcCompiler.ColumnAtATime) function;
  }

  private BatchFunction calc(String sql) {
    PlannedQuery plan = planner.plan(new QuerySource(sql, new Position(1, 1)), PlannerOptions.DEFAULTS);
    for (PhysicalNode node = plan.graph().root(); ; node = node.inputs().get(0)) {
      if (node instanceof OperatorNode operator && operator.factory() instanceof CalcFactory factory) {
        return factory.function();
      }
      if (node.inputs().isEmpty()) {
        throw new IllegalStateException("no calc in the plan of " + sql + ":\n" + plan.explain(1));
      }
    }
  }

  /** Random rows; tame ones keep numbers small enough that no arithmetic overflows. */
  private static Batch batch(Random random, int rows, boolean tame) {
    Schema schema = source();
    BatchBuilder builder = new BatchBuilder(schema, rows);
    boolean changelog = random.nextInt(4) == 0;
    for (int r = 0; r < rows; r++) {
      Object[] row = new Object[schema.size()];
      row[0] = nullable(random, () -> tame ? (long) (random.nextInt(2_000_001) - 1_000_000) * pick(random, 1, 100) : wildLong(random));
      row[1] = nullable(random, () -> tame ? random.nextInt(41) - 20 + (random.nextInt(7) == 0 ? 0 : 1) : wildInt(random));
      row[2] = nullable(random, () -> BigDecimal.valueOf(random.nextInt(tame ? 200_001 : Integer.MAX_VALUE) - (tame ? 100_000 : 1 << 30), 2));
      row[3] = nullable(random, () -> pickDouble(random));
      row[4] = nullable(random, () -> STRINGS[random.nextInt(STRINGS.length)]);
      row[5] = nullable(random, () -> STRINGS[random.nextInt(STRINGS.length)]);
      row[6] = nullable(random, random::nextBoolean);
      row[7] = nullable(random, () -> random.nextLong() % 4_000_000_000_000L);
      row[8] = nullable(random, () -> random.nextInt(40_000) - 10_000);
      row[9] = tame ? (long) random.nextInt(1000) : random.nextLong();
      if (tame && row[1] != null && (Integer) row[1] == 0) {
        row[1] = 1;
      }
      builder.appendRow(row, changelog ? RowKind.ofCode((byte) random.nextInt(4)) : RowKind.INSERT);
    }
    Batch built = builder.build();
    if (random.nextBoolean()) {
      // The DECIMAL column as unscaled longs, as a program before this one would hand it over.
      ColumnVector[] columns = new ColumnVector[built.columnCount()];
      Object[] decimals = new Object[rows];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = built.column(c);
      }
      for (int r = 0; r < rows; r++) {
        decimals[r] = columns[2].get(r);
      }
      columns[2] = DecimalVector.of(decimals, rows);
      built = new Batch(schema, columns, rows, built.kindCodes());
    }
    return built;
  }

  private static long pick(Random random, long... values) {
    return values[random.nextInt(values.length)];
  }

  private static double pickDouble(Random random) {
    double[] edges = {0.0, -0.0, 0.5, 2.5, -2.5, 1e300, -1e-300, 123.456};
    return random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : (random.nextDouble() - 0.5) * 2000;
  }

  private static long wildLong(Random random) {
    long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, 1L << 40};
    return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong();
  }

  private static int wildInt(Random random) {
    int[] edges = {0, 1, -1, 2, 3, Integer.MAX_VALUE, Integer.MIN_VALUE};
    return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt();
  }

  private static Object nullable(Random random, java.util.function.Supplier<Object> value) {
    return random.nextInt(8) == 0 ? null : value.get();
  }

  private static Schema source() {
    List<io.rivulet.runtime.type.Field> fields = new ArrayList<>();
    fields.add(io.rivulet.runtime.type.Field.of("l", io.rivulet.runtime.type.DataType.BIGINT));
    fields.add(io.rivulet.runtime.type.Field.of("i", io.rivulet.runtime.type.DataType.INTEGER));
    fields.add(io.rivulet.runtime.type.Field.of("d", io.rivulet.runtime.type.DataType.DECIMAL));
    fields.add(io.rivulet.runtime.type.Field.of("x", io.rivulet.runtime.type.DataType.DOUBLE));
    fields.add(io.rivulet.runtime.type.Field.of("s", io.rivulet.runtime.type.DataType.VARCHAR));
    fields.add(io.rivulet.runtime.type.Field.of("u", io.rivulet.runtime.type.DataType.VARCHAR));
    fields.add(io.rivulet.runtime.type.Field.of("b", io.rivulet.runtime.type.DataType.BOOLEAN));
    fields.add(io.rivulet.runtime.type.Field.of("ts", io.rivulet.runtime.type.DataType.TIMESTAMP));
    fields.add(io.rivulet.runtime.type.Field.of("dt", io.rivulet.runtime.type.DataType.DATE));
    fields.add(io.rivulet.runtime.type.Field.of("nn", io.rivulet.runtime.type.DataType.BIGINT));
    return new Schema(fields);
  }
}
