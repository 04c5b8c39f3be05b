/** The rivulet command: batch mode and the interactive shell. */
package io.rivulet.shell;
