package io.rivulet.runtime.plan;

import io.rivulet.runtime.type.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Redistributes rows between stages: the boundary at which one stage ends and the next begins.
 *
 * @param keys the columns hashed for {@link Distribution#HASH}
 */
public record ExchangeNode(PhysicalNode input, Distribution distribution, int[] keys)
    implements PhysicalNode {

  /** How rows are spread over the next stage's partitions. */
  public enum Distribution {
    /** By a hash of the key columns: equal keys meet in one partition. */
    HASH,
    /** Everything to one partition. */
    SINGLE,
    /** Evenly, in turn. */
    ROUND_ROBIN
  }

  public ExchangeNode {
    keys = keys.clone();
  }

  public static ExchangeNode hash(PhysicalNode input, int... keys) {
    return keys.length == 0
        ? new ExchangeNode(input, Distribution.SINGLE, keys)
        : new ExchangeNode(input, Distribution.HASH, keys);
  }

  @Override
  public int[] keys() {
    return keys.clone();
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }

  @Override
  public Schema schema() {
    return input.schema();
  }

  @Override
  public boolean changelog() {
    return input.changelog();
  }

  @Override
  public String explain() {
    return switch (distribution) {
      case HASH ->
          "Exchange(hash["
              + Arrays.stream(keys)
                  .mapToObj(k -> input.schema().field(k).name())
                  .collect(Collectors.joining(", "))
              + "])";
      case SINGLE -> "Exchange(single)";
      case ROUND_ROBIN -> "Exchange(round-robin)";
    };
  }

  @Override
  public PhysicalNode withInputs(List<PhysicalNode> newInputs) {
    PhysicalNode newInput = newInputs.get(0);
    return newInput == input ? this : new ExchangeNode(newInput, distribution, keys);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExchangeNode that
        && input.equals(that.input)
        && distribution == that.distribution
        && Arrays.equals(keys, that.keys);
  }

  @Override
  public int hashCode() {
    return input.hashCode() * 31 + Arrays.hashCode(keys);
  }
}
