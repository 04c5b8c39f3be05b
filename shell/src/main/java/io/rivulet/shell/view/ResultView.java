package io.rivulet.shell.view;

import io.rivulet.engine.ResultBatch;
import java.util.List;

/**
 * How the rows of a continuous SELECT are shown while they arrive: lines appended to the screen
 * (tableau, changelog), a live area redrawn in place (table), or both.
 *
 * <p>Calls come from one thread at a time: {@link #append} for every committed batch, in order,
 * {@link #live} whenever the screen is redrawn, and {@link #finish} once, when the query has ended.
 */
public interface ResultView {
  /** Takes in one batch; returns the lines to print above the live area (none for table mode). */
  List<String> append(ResultBatch batch);

  /** The live area above the status line, at most {@code maxLines} lines (empty if there is none). */
  List<String> live(int maxLines);

  /** The lines that close the output once the query has ended. */
  List<String> finish();

  /** Result rows shown so far (in table mode: the rows of the result now). */
  long rows();

  /** The view {@code SET 'result.mode'} names: tableau (the default), table or changelog. */
  static ResultView of(String mode, io.rivulet.runtime.type.Schema schema, boolean changelog) {
    return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
      case "table" -> new TableView(schema);
      case "changelog" -> new ChangelogView(schema);
      default -> new TableauView(schema, changelog);
    };
  }
}
