/** The {@code blackhole} connector: a sink that only counts the rows it discards. */
package io.rivulet.runtime.connector.blackhole;
