/**
 * The interactive shell: the jline line reader with its statement-aware parser, completion and
 * highlighting, the shell's commands and help, and the background planner warm-up.
 */
package io.rivulet.shell.interactive;
