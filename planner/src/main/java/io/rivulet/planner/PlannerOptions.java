package io.rivulet.planner;

import io.rivulet.runtime.operator.window.EmitMode;
import io.rivulet.runtime.operator.window.LatePolicy;

/**
 * Session settings that change the plan itself.
 *
 * @param windowEmit when windowed aggregates emit ({@code 'window.emit'})
 * @param latePolicy what windowed aggregates do with late rows ({@code 'late.policy'})
 * @param stateTtl how long regular stream-stream joins keep rows nobody touched ({@code
 *     'state.ttl'}; zero: for ever)
 */
public record PlannerOptions(EmitMode windowEmit, LatePolicy latePolicy, java.time.Duration stateTtl) {
  public static final PlannerOptions DEFAULTS =
      new PlannerOptions(EmitMode.ON_CLOSE, LatePolicy.DROP, java.time.Duration.ZERO);
}
