package io.rivulet.bench.jmh;

import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.operator.Operator;
import io.rivulet.runtime.operator.OperatorContext;
import io.rivulet.runtime.operator.aggregate.AggregateCall;
import io.rivulet.runtime.operator.aggregate.AggregateKind;
import io.rivulet.runtime.operator.aggregate.GroupAggregateFactory;
import io.rivulet.runtime.operator.window.EmitMode;
import io.rivulet.runtime.operator.window.LatePolicy;
import io.rivulet.runtime.operator.window.WindowAggregateFactory;
import io.rivulet.runtime.operator.window.WindowSpec;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Field;
import io.rivulet.runtime.type.Schema;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stateful operators over bids: the updating hash aggregate (per auction, count and max price,
 * a changelog every batch; and q17's shape, five aggregates per auction and a VARCHAR column) and
 * the window aggregate (q5's HOP 10 s / 2 s, q7's TUMBLE 10 s and q11's SESSION 10 s per bidder),
 * each fed 16 consecutive batches of 16,384 bids (about 30 s of event time) and finished, so that
 * every window fires and is freed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AggregateBenchmark {
  static final int BATCHES = 16;
  static final int ROWS = 16_384;
  private static final int AUCTION = 0;
  private static final int BIDDER = 1;
  private static final int PRICE = 2;
  private static final int CHANNEL = 3;
  private static final int DATE_TIME = 5;

  private Batch[] batches;
  private GroupAggregateFactory groupAggregate;
  private GroupAggregateFactory compositeGroupAggregate;
  private WindowAggregateFactory session;
  private WindowAggregateFactory hop;
  private WindowAggregateFactory tumble;

  @Setup
  public void setUp() {
    batches = BidBatches.generate(BATCHES, ROWS, 0);
    Schema input = BidBatches.SCHEMA;
    List<AggregateCall> calls =
        List.of(
            AggregateCall.countStar("bids"),
            AggregateCall.of(AggregateKind.MAX, PRICE, DataType.BIGINT, "max_price"));
    groupAggregate =
        new GroupAggregateFactory(
            input,
            new int[] {AUCTION},
            calls,
            Schema.of(
                input.field(AUCTION),
                Field.of("bids", DataType.BIGINT),
                Field.of("max_price", DataType.BIGINT)),
            false);
    List<AggregateCall> statistics =
        List.of(
            AggregateCall.countStar("bids"),
            AggregateCall.of(AggregateKind.MIN, PRICE, DataType.BIGINT, "min_price"),
            AggregateCall.of(AggregateKind.MAX, PRICE, DataType.BIGINT, "max_price"),
            AggregateCall.of(AggregateKind.AVG, PRICE, DataType.BIGINT, "avg_price"),
            AggregateCall.of(AggregateKind.SUM, PRICE, DataType.BIGINT, "sum_price"));
    compositeGroupAggregate =
        new GroupAggregateFactory(
            input,
            new int[] {AUCTION, CHANNEL},
            statistics,
            Schema.of(
                input.field(AUCTION),
                input.field(CHANNEL),
                Field.of("bids", DataType.BIGINT),
                Field.of("min_price", DataType.BIGINT),
                Field.of("max_price", DataType.BIGINT),
                Field.of("avg_price", DataType.BIGINT),
                Field.of("sum_price", DataType.BIGINT)),
            false);
    List<AggregateCall> count = List.of(AggregateCall.countStar("num"));
    int[] byBidder = {BIDDER};
    session =
        new WindowAggregateFactory(
            input,
            DATE_TIME,
            new WindowSpec.Session(10_000),
            byBidder,
            count,
            WindowAggregateFactory.outputSchemaOf(input, byBidder, count),
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
    int[] byAuction = {AUCTION};
    hop =
        new WindowAggregateFactory(
            input,
            DATE_TIME,
            WindowSpec.Hop.of(2_000, 10_000),
            byAuction,
            count,
            WindowAggregateFactory.outputSchemaOf(input, byAuction, count),
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
    List<AggregateCall> max =
        List.of(AggregateCall.of(AggregateKind.MAX, PRICE, DataType.BIGINT, "max_price"));
    tumble =
        new WindowAggregateFactory(
            input,
            DATE_TIME,
            WindowSpec.Tumble.of(10_000),
            new int[0],
            max,
            WindowAggregateFactory.outputSchemaOf(input, new int[0], max),
            EmitMode.ON_CLOSE,
            LatePolicy.DROP);
  }

  private long run(Operator operator, Blackhole blackhole) {
    long[] rows = new long[1];
    operator.open(new OperatorContext("bench", 0, 1));
    for (Batch batch : batches) {
      operator.process(batch, out -> rows[0] += out.rowCount());
      long watermark = ((io.rivulet.runtime.batch.LongVector) batch.column(DATE_TIME))
          .getLong(batch.rowCount() - 1) - 4_000;
      operator.endBatch(watermark, out -> rows[0] += out.rowCount());
    }
    operator.endBatch(Long.MAX_VALUE, out -> rows[0] += out.rowCount());
    operator.finish(out -> rows[0] += out.rowCount());
    operator.close();
    blackhole.consume(rows[0]);
    return rows[0];
  }

  @Benchmark
  @OperationsPerInvocation(BATCHES * ROWS)
  public long groupAggregateByAuction(Blackhole blackhole) {
    return run(groupAggregate.create(new OperatorContext("bench", 0, 1)), blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(BATCHES * ROWS)
  public long groupAggregateStatisticsByAuctionAndChannel(Blackhole blackhole) {
    return run(compositeGroupAggregate.create(new OperatorContext("bench", 0, 1)), blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(BATCHES * ROWS)
  public long sessionWindowCountByBidder(Blackhole blackhole) {
    return run(session.create(new OperatorContext("bench", 0, 1)), blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(BATCHES * ROWS)
  public long hopWindowCountByAuction(Blackhole blackhole) {
    return run(hop.create(new OperatorContext("bench", 0, 1)), blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(BATCHES * ROWS)
  public long tumbleWindowMaxPrice(Blackhole blackhole) {
    return run(tumble.create(new OperatorContext("bench", 0, 1)), blackhole);
  }
}
