package io.rivulet.shell.interactive;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * Where console sinks print in the interactive shell: whole lines, above the prompt while the
 * person is typing, so that a background query's output never tears the line being edited.
 */
public final class ConsoleOutput extends OutputStream {
  private final Terminal terminal;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private volatile LineReader reader;

  public ConsoleOutput(Terminal terminal) {
    this.terminal = terminal;
  }

  void attach(LineReader lineReader) {
    this.reader = lineReader;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void flush() {
    // Lines are written whole, when they end.
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    LineReader current = reader;
    if (current != null && current.isReading()) {
      current.printAbove(text);
    } else {
      terminal.writer().println(text);
      terminal.writer().flush();
    }
  }
}
