/**
 * Text formats: reading and writing single values ({@link io.rivulet.runtime.format.ValueFormat}),
 * cutting UTF-8 input into records ({@link io.rivulet.runtime.format.RecordScanner}) and parsing
 * them as CSV, JSON lines or plain text straight into column arrays ({@link
 * io.rivulet.runtime.format.ColumnBuffers}), only the columns a query reads, writing batches as CSV
 * or JSON lines, and rendering rows as a text table.
 */
package io.rivulet.runtime.format;
