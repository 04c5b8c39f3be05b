/**
 * The rivulet command: option parsing, batch mode ({@code -f}, {@code -e}, standard input) with its
 * output formats and query limits, and the start of the interactive shell.
 */
package io.rivulet.shell;
