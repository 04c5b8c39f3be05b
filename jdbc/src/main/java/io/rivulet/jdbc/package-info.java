/**
 * The {@code jdbc:rivulet:} driver ({@link io.rivulet.jdbc.RivuletDriver}) and the native API
 * beside it ({@link io.rivulet.jdbc.RivuletConnection}, {@link io.rivulet.jdbc.RivuletQuery}):
 * Rivulet embedded in a Java program through {@code java.sql}, with continuous results read row
 * by row or pushed to a callback batch by batch.
 */
package io.rivulet.jdbc;
