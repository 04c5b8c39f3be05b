package io.rivulet.planner.codegen.vector;

/**
 * Thrown by a kernel when a row needs the row-at-a-time path: an error to report (division by
 * zero, a bad CAST) or a value the kernels do not represent (a DECIMAL beyond 18 digits, a
 * DECIMAL whose scale is not its column's). The batch is then evaluated row at a time, which
 * gives the exact result or error. Carries no stack trace: it is control flow.
 */
final class NeedsRowPath extends RuntimeException {
  static final NeedsRowPath INSTANCE = new NeedsRowPath();

  private NeedsRowPath() {
    super("needs the row-at-a-time path", null, false, false);
  }
}
