/**
 * The {@code file} connector: a source that reads files of a directory as split partitions, in
 * bounded or continuous mode, and a sink that commits each micro-batch atomically as new files.
 */
package io.rivulet.runtime.connector.file;
