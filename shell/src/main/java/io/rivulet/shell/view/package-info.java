/**
 * How a running SELECT looks on a terminal: the tableau, table and changelog result modes, the
 * status line, and the live screen area redrawn in place.
 */
package io.rivulet.shell.view;
