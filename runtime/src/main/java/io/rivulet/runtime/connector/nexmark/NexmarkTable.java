package io.rivulet.runtime.connector.nexmark;

import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three kinds of Nexmark event, each read as its own table, with their columns. */
public enum NexmarkTable {
  PERSON(
      0,
      1,
      "id BIGINT",
      "name VARCHAR",
      "email_address VARCHAR",
      "credit_card VARCHAR",
      "city VARCHAR",
      "state VARCHAR",
      "date_time TIMESTAMP",
      "extra VARCHAR"),
  AUCTION(
      1,
      3,
      "id BIGINT",
      "item_name VARCHAR",
      "description VARCHAR",
      "initial_bid BIGINT",
      "reserve BIGINT",
      "date_time TIMESTAMP",
      "expires TIMESTAMP",
      "seller BIGINT",
      "category BIGINT",
      "extra VARCHAR"),
  BID(
      4,
      46,
      "auction BIGINT",
      "bidder BIGINT",
      "price BIGINT",
      "channel VARCHAR",
      "url VARCHAR",
      "date_time TIMESTAMP",
      "extra VARCHAR");

  /** Events are generated in epochs of this many: 1 person, 3 auctions, 46 bids. */
  public static final int EPOCH_EVENTS = 50;

  private final int firstOffset;
  private final int proportion;
  private final Schema schema;

  NexmarkTable(int firstOffset, int proportion, String... columns) {
    this.firstOffset = firstOffset;
    this.proportion = proportion;
    List<Field> fields = new ArrayList<>();
    for (String column : columns) {
      String[] parts = column.split(" ");
      DataType type = DataType.valueOf(parts[1]);
      String typeName = type == DataType.TIMESTAMP ? "TIMESTAMP(3)" : parts[1];
      fields.add(new Field(parts[0], type, false, typeName));
    }
    this.schema = new Schema(fields);
  }

  /** The name used in the {@code table} option: {@code person}, {@code auction}, {@code bid}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** All the columns of this table, in the reference order. */
  public Schema schema() {
    return schema;
  }

  /** How many of every {@link #EPOCH_EVENTS} events are of this table. */
  public int proportion() {
    return proportion;
  }

  /** Whether event {@code eventNumber} is of this table. */
  public boolean contains(long eventNumber) {
    long offset = eventNumber % EPOCH_EVENTS;
    return offset >= firstOffset && offset < firstOffset + proportion;
  }

  /** The table event {@code eventNumber} belongs to. */
  public static NexmarkTable of(long eventNumber) {
    long offset = eventNumber % EPOCH_EVENTS;
    if (offset < AUCTION.firstOffset) {
      return PERSON;
    }
    return offset < BID.firstOffset ? AUCTION : BID;
  }

  /** How many of the events numbered {@code [0, events)} are of this table. */
  public long rowsIn(long events) {
    long whole = events / EPOCH_EVENTS * proportion;
    long rest = events % EPOCH_EVENTS;
    return whole + Math.max(0, Math.min(rest, firstOffset + proportion) - firstOffset);
  }

  /** The table named {@code name} (ignoring case and a plural {@code s}), if there is one. */
  public static Optional<NexmarkTable> ofName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (NexmarkTable table : values()) {
      if (lower.equals(table.optionName()) || lower.equals(table.optionName() + "s")) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  public static List<String> optionNames() {
    return List.of("person", "auction", "bid");
  }
}
