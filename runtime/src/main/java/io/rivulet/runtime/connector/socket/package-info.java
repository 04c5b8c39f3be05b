/** The {@code socket} connector: text lines read from a TCP server, for demos and tests. */
package io.rivulet.runtime.connector.socket;
