/** The {@code console} connector: a sink printing each micro-batch as a table. */
package io.rivulet.runtime.connector.console;
