package io.rivulet.bench;

import java.util.List;

/**
 * What one run of one query measured.
 *
 * @param parallelism the parallelism it ran at
 * @param inputRows rows its sources read (for Nexmark queries, rows of the streams it reads)
 * @param inputBytes bytes of its input files, 0 for generated input
 * @param wallNanos from submitting the INSERT to the query's end
 * @param cpuNanos CPU time of the whole process over that span (all threads, GC and JIT too)
 * @param gcMillis collection time of all collectors over that span
 * @param peakHeapBytes the most heap in use, sampled every few milliseconds
 * @param batchMillis the duration of each micro-batch
 * @param checksum the sum of the result's row hashes
 * @param resultRows rows of the result (inserts less retractions)
 * @param rowsWritten rows the sink was given, retractions included
 */
record RunMeasurement(
    int parallelism,
    long inputRows,
    long inputBytes,
    long wallNanos,
    long cpuNanos,
    long gcMillis,
    long peakHeapBytes,
    List<Long> batchMillis,
    long checksum,
    long resultRows,
    long rowsWritten) {

  double rowsPerSecond() {
    return inputRows * 1e9 / Math.max(1, wallNanos);
  }

  double rowsPerCpuSecond() {
    return inputRows * 1e9 / Math.max(1, cpuNanos);
  }

  double megabytesPerSecond() {
    return inputBytes * 1e9 / Math.max(1, wallNanos) / (1 << 20);
  }
}
