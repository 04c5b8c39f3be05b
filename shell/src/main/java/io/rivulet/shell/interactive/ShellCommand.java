package io.rivulet.shell.interactive;

import java.util.Locale;
import java.util.Optional;

/** The shell's own commands, which are not SQL and need no ';'. */
enum ShellCommand {
  HELP,
  QUIT;

  /** The command {@code input} is, if it is one: HELP, QUIT or EXIT, in any case, ';' optional. */
  static Optional<ShellCommand> of(String input) {
    String command = input.strip();
    if (command.endsWith(";")) {
      command = command.substring(0, command.length() - 1).strip();
    }
    return switch (command.toLowerCase(Locale.ROOT)) {
      case "help", "?", "\\?", "\\h" -> Optional.of(HELP);
      case "quit", "exit", "\\q" -> Optional.of(QUIT);
      default -> Optional.empty();
    };
  }
}
