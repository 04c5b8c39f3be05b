package io.rivulet.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A sampling profile from Java Flight Recorder's execution samples: which methods the CPU was in
 * (self time), and which Rivulet method each sample was under (the innermost {@code io.rivulet}
 * frame, which attributes time spent in the JDK to the operator that called it).
 */
final class FlightProfile {
  private final Recording recording = new Recording();

  FlightProfile() {
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
  }

  void start() {
    recording.start();
  }

  /** Stops sampling and summarises the samples, {@code top} lines per list. */
  List<String> stop(int top) throws IOException {
    recording.stop();
    Path file = java.nio.file.Files.createTempFile("rivulet-bench", ".jfr");
    try {
      recording.dump(file);
      return summarise(file, top);
    } finally {
      recording.close();
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  /** The hottest methods of a recording: self time, then time under each Rivulet method. */
  static List<String> summarise(Path file, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> underRivulet = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (name.startsWith("io.rivulet.")) {
          underRivulet.merge(name, 1, Integer::sum);
          break;
        }
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(samples + " samples; self time:");
    lines.addAll(topLines(self, samples, top));
    lines.add("innermost Rivulet frame:");
    lines.addAll(topLines(underRivulet, samples, top));
    return lines;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static List<String> topLines(Map<String, Integer> counts, int samples, int top) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .map(e -> String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / samples, e.getKey()))
        .toList();
  }
}
