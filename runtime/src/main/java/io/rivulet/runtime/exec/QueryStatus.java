package io.rivulet.runtime.exec;

/** Where a query is in its life. */
public enum QueryStatus {
  CREATED,
  RUNNING,
  /** Its bounded sources were drained and all results were written. */
  FINISHED,
  /** It was stopped on request. */
  STOPPED,
  FAILED;

  public boolean isTerminal() {
    return this == FINISHED || this == STOPPED || this == FAILED;
  }
}
