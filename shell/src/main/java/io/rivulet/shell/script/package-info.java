/**
 * Script text as the shell handles it before the engine sees it: a small SQL lexer, {@code --define}
 * variables with positions mapped back to the text as written, and errors with a caret.
 */
package io.rivulet.shell.script;
