package io.rivulet.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.type.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValueFormatTest {
  private static final DateTimeFormatter TIMESTAMP_PATTERN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
  private static TimeZone savedZone;

  /** Surefire runs in Asia/Kolkata already; this makes the tests mean the same from an IDE. */
  @BeforeAll
  static void useNonUtcZone() {
    savedZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
  }

  @AfterAll
  static void restoreZone() {
    TimeZone.setDefault(savedZone);
  }

  private static long utcMillis(
      int year, int month, int day, int hour, int minute, int second, int millis) {
    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
        .toInstant(ZoneOffset.UTC)
        .toEpochMilli();
  }

  @Test
  void timestampIsTheUtcWallClockInANonUtcDefaultZone() {
    assertThat(ValueFormat.parseTimestamp("1970-01-01 00:00:00")).isZero();
    assertThat(ValueFormat.parseTimestamp("2024-02-29 13:45:30.123"))
        .isEqualTo(utcMillis(2024, 2, 29, 13, 45, 30, 123));
    assertThat(ValueFormat.formatTimestamp(0)).isEqualTo("1970-01-01 00:00:00.000");
    assertThat(ValueFormat.format(utcMillis(2024, 2, 29, 13, 45, 30, 123), DataType.TIMESTAMP))
        .isEqualTo("2024-02-29 13:45:30.123");
  }

  @Test
  void timestampFractionIsOptionalAndTruncatedToMillis() {
    long base = utcMillis(2024, 1, 2, 3, 4, 5, 0);
    assertThat(ValueFormat.parseTimestamp("2024-01-02 03:04:05")).isEqualTo(base);
    assertThat(ValueFormat.parseTimestamp("2024-01-02 03:04:05.")).isEqualTo(base);
    assertThat(ValueFormat.parseTimestamp("2024-01-02 03:04:05.5")).isEqualTo(base + 500);
    assertThat(ValueFormat.parseTimestamp("2024-01-02 03:04:05.12")).isEqualTo(base + 120);
    assertThat(ValueFormat.parseTimestamp("2024-01-02 03:04:05.123456789")).isEqualTo(base + 123);
    assertThat(ValueFormat.parseTimestamp("2024-01-02T03:04:05.007")).isEqualTo(base + 7);
    assertThat(ValueFormat.parseTimestamp("2024-01-02 03:04")).isEqualTo(base - 5_000);
    assertThat(ValueFormat.parseTimestamp("2024-01-02"))
        .isEqualTo(utcMillis(2024, 1, 2, 0, 0, 0, 0));
    assertThat(ValueFormat.parse("  2024-01-02 03:04:05 ", DataType.TIMESTAMP)).isEqualTo(base);
  }

  @Test
  void timestampsBeforeTheEpochRoundTrip() {
    assertThat(ValueFormat.parseTimestamp("1969-12-31 23:59:59.999")).isEqualTo(-1);
    assertThat(ValueFormat.formatTimestamp(-1)).isEqualTo("1969-12-31 23:59:59.999");
    assertThat(ValueFormat.formatTimestamp(utcMillis(1, 1, 1, 0, 0, 0, 0)))
        .isEqualTo("0001-01-01 00:00:00.000");
  }

  @Test
  void randomTimestampsAgreeWithJavaTimeInUtc() {
    Random random = new Random(42);
    long min = utcMillis(1000, 1, 1, 0, 0, 0, 0);
    long max = utcMillis(9999, 12, 31, 23, 59, 59, 999);
    for (int i = 0; i < 20_000; i++) {
      long millis = min + (long) (random.nextDouble() * (max - min));
      String expected =
          LocalDateTime.ofEpochSecond(
                  Math.floorDiv(millis, 1000),
                  (int) Math.floorMod(millis, 1000) * 1_000_000,
                  ZoneOffset.UTC)
              .format(TIMESTAMP_PATTERN);
      assertThat(ValueFormat.formatTimestamp(millis)).isEqualTo(expected);
      assertThat(ValueFormat.parseTimestamp(expected)).isEqualTo(millis);
    }
  }

  @Test
  void badTimestampsSayWhatWasWrongAndHowToWriteIt() {
    for (String bad :
        List.of(
            "2024-13-01 00:00:00",
            "2023-02-29 00:00:00",
            "2024-01-01 24:00:00",
            "2024-01-01 10:60:00",
            "2024-01-01 10:00:00.1234567890",
            "2024-01-01X10:00:00",
            "2024/01/01 10:00:00",
            "12345")) {
      assertThatThrownBy(() -> ValueFormat.parseTimestamp(bad))
          .isInstanceOf(FormatException.class)
          .hasMessage(
              "cannot read '" + bad + "' as TIMESTAMP; write it as yyyy-MM-dd HH:mm:ss[.SSS]");
    }
  }

  @Test
  void datesAreEpochDays() {
    assertThat(ValueFormat.parse("2024-03-01", DataType.DATE))
        .isEqualTo((int) LocalDate.of(2024, 3, 1).toEpochDay());
    assertThat(ValueFormat.parse("1969-12-31", DataType.DATE)).isEqualTo(-1);
    assertThat(ValueFormat.format(19_783, DataType.DATE))
        .isEqualTo(LocalDate.ofEpochDay(19_783).toString());
    assertThatThrownBy(() -> ValueFormat.parseDate("2024-03-01 10:00:00"))
        .hasMessage("cannot read '2024-03-01 10:00:00' as DATE; write it as yyyy-MM-dd");
  }

  @Test
  void timesAreMillisOfTheDay() {
    assertThat(ValueFormat.parse("13:45:30", DataType.TIME))
        .isEqualTo((int) (LocalTime.of(13, 45, 30).toNanoOfDay() / 1_000_000));
    assertThat(ValueFormat.parseTime("00:00:00.5")).isEqualTo(500);
    assertThat(ValueFormat.format(49_530_000, DataType.TIME)).isEqualTo("13:45:30");
    assertThat(ValueFormat.format(49_530_250, DataType.TIME)).isEqualTo("13:45:30.250");
    assertThatThrownBy(() -> ValueFormat.parseTime("25:00:00"))
        .hasMessage("cannot read '25:00:00' as TIME; write it as HH:mm:ss[.SSS]");
  }

  @Test
  void integersHaveTheirJavaTypesAndRanges() {
    assertThat(ValueFormat.parse("-128", DataType.TINYINT)).isEqualTo((byte) -128);
    assertThat(ValueFormat.parse("32767", DataType.SMALLINT)).isEqualTo((short) 32767);
    assertThat(ValueFormat.parse("+42", DataType.INTEGER)).isEqualTo(42);
    assertThat(ValueFormat.parse(" 7 ", DataType.INTEGER)).isEqualTo(7);
    assertThat(ValueFormat.parse("-9223372036854775808", DataType.BIGINT))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(ValueFormat.parse("9223372036854775807", DataType.BIGINT)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> ValueFormat.parse("9223372036854775808", DataType.BIGINT))
        .hasMessage("cannot read '9223372036854775808' as BIGINT: it is out of range");
    assertThatThrownBy(() -> ValueFormat.parse("128", DataType.TINYINT))
        .hasMessage("cannot read '128' as TINYINT: it is out of range");
    assertThatThrownBy(() -> ValueFormat.parse("12x", DataType.BIGINT))
        .isInstanceOf(FormatException.class)
        .hasMessage("cannot read '12x' as BIGINT");
    assertThatThrownBy(() -> ValueFormat.parse("1.5", DataType.INTEGER))
        .hasMessage("cannot read '1.5' as INTEGER");
    assertThatThrownBy(() -> ValueFormat.parse("-", DataType.INTEGER))
        .hasMessage("cannot read '-' as INTEGER");
  }

  @Test
  void blankTextIsNullExceptForStrings() {
    assertThat(ValueFormat.parse("", DataType.BIGINT)).isNull();
    assertThat(ValueFormat.parse("  ", DataType.TIMESTAMP)).isNull();
    assertThat(ValueFormat.parse("", DataType.VARCHAR)).isEqualTo("");
    assertThat(ValueFormat.parse(null, DataType.VARCHAR)).isNull();
  }

  @Test
  void booleansIgnoreCase() {
    assertThat(ValueFormat.parse("TRUE", DataType.BOOLEAN)).isEqualTo(true);
    assertThat(ValueFormat.parse("False", DataType.BOOLEAN)).isEqualTo(false);
    assertThatThrownBy(() -> ValueFormat.parse("yes", DataType.BOOLEAN))
        .hasMessage("cannot read 'yes' as BOOLEAN; write true or false");
    assertThat(ValueFormat.format(true, DataType.BOOLEAN)).isEqualTo("true");
  }

  @Test
  void floatingPointNumbers() {
    assertThat(ValueFormat.parse("2", DataType.DOUBLE)).isEqualTo(2.0);
    assertThat(ValueFormat.parse("-1.5e3", DataType.DOUBLE)).isEqualTo(-1500.0);
    assertThat(ValueFormat.parse("1.1", DataType.FLOAT)).isEqualTo(1.1f);
    assertThat(ValueFormat.parse("NaN", DataType.DOUBLE)).isEqualTo(Double.NaN);
    assertThatThrownBy(() -> ValueFormat.parse("1d", DataType.DOUBLE))
        .hasMessage("cannot read '1d' as DOUBLE");
    assertThatThrownBy(() -> ValueFormat.parse("one", DataType.DOUBLE))
        .hasMessage("cannot read 'one' as DOUBLE");
    assertThat(ValueFormat.format(2.0, DataType.DOUBLE)).isEqualTo("2.0");
    assertThat(ValueFormat.format(0.1, DataType.DOUBLE)).isEqualTo("0.1");
    assertThat(ValueFormat.format(1.1f, DataType.FLOAT)).isEqualTo("1.1");
  }

  @Test
  void decimalsAreBigDecimalsWrittenWithoutExponent() {
    assertThat(ValueFormat.parse("12.50", DataType.DECIMAL)).isEqualTo(new BigDecimal("12.50"));
    assertThat(ValueFormat.format(new BigDecimal("1E+3"), DataType.DECIMAL)).isEqualTo("1000");
    assertThatThrownBy(() -> ValueFormat.parse("1,5", DataType.DECIMAL))
        .hasMessage("cannot read '1,5' as DECIMAL");
  }

  @Test
  void arraysAreBracketedLists() {
    assertThat(ValueFormat.parse("[a, b ,c]", DataType.ARRAY)).isEqualTo(List.of("a", "b", "c"));
    assertThat(ValueFormat.parse("[]", DataType.ARRAY)).isEqualTo(List.of());
    assertThat(ValueFormat.parse("[[1, 2], null]", DataType.ARRAY))
        .isEqualTo(Arrays.asList(List.of("1", "2"), null));
    assertThat(ValueFormat.format(Arrays.asList(1L, "x", null, List.of(2.5)), DataType.ARRAY))
        .isEqualTo("[1, x, null, [2.5]]");
    assertThatThrownBy(() -> ValueFormat.parse("a, b", DataType.ARRAY))
        .hasMessage("cannot read 'a, b' as ARRAY; write it as [a, b, c]");
  }

  @Test
  void everyTypeRoundTripsThroughText() {
    Object[][] cases = {
      {DataType.BOOLEAN, true},
      {DataType.TINYINT, (byte) -5},
      {DataType.SMALLINT, (short) 300},
      {DataType.INTEGER, -70_000},
      {DataType.BIGINT, 1L << 40},
      {DataType.FLOAT, 0.25f},
      {DataType.DOUBLE, 1.0E-7},
      {DataType.DECIMAL, new BigDecimal("-0.000123")},
      {DataType.VARCHAR, "héllo, wörld"},
      {DataType.TIMESTAMP, utcMillis(2001, 9, 9, 1, 46, 40, 5)},
      {DataType.DATE, 11_574},
      {DataType.TIME, 3_723_004},
      {DataType.ARRAY, List.of("x", "y")},
    };
    for (Object[] c : cases) {
      DataType type = (DataType) c[0];
      String text = ValueFormat.format(c[1], type);
      assertThat(ValueFormat.parse(text, type)).as("%s %s", type, text).isEqualTo(c[1]);
    }
  }

  @Test
  void nullIsWrittenAsEmptyText() {
    assertThat(ValueFormat.format(null, DataType.TIMESTAMP)).isEmpty();
  }

  @Test
  void longTextIsShortenedInMessages() {
    String text = "x".repeat(100);
    assertThatThrownBy(() -> ValueFormat.parse(text, DataType.BIGINT))
        .hasMessage("cannot read '" + "x".repeat(60) + "...' as BIGINT");
  }
}
