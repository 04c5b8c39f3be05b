package io.rivulet.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.rivulet.runtime.batch.Batch;
import io.rivulet.runtime.batch.ColumnVector;
import io.rivulet.runtime.type.DataType;
import io.rivulet.runtime.type.Schema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes rows as JSON lines, one object per row with a field per column (nulls written as {@code
 * null}); times are strings as {@link ValueFormat} writes them, so that they read back unchanged.
 */
public final class JsonLinesWriter implements RowWriter {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          .build();

  private final JsonGenerator generator;
  private final Schema schema;
  private final boolean changelog;

  public JsonLinesWriter(Writer out, Schema schema, boolean changelog) {
    try {
      this.generator = FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a JSON generator", e);
    }
    generator.setRootValueSeparator(null);
    this.schema = schema;
    this.changelog = changelog;
  }

  @Override
  public void write(Batch batch) throws IOException {
    for (int r = 0; r < batch.rowCount(); r++) {
      generator.writeStartObject();
      if (changelog) {
        generator.writeStringField(CsvWriter.OP_COLUMN, batch.kind(r).shortName());
      }
      for (int c = 0; c < schema.size(); c++) {
        generator.writeFieldName(schema.field(c).name());
        ColumnVector column = batch.column(c);
        writeValue(column.isNull(r) ? null : column.get(r), schema.type(c));
      }
      generator.writeEndObject();
      generator.writeRaw('\n');
    }
  }

  @Override
  public void finish() throws IOException {
    generator.flush();
  }

  private void writeValue(Object value, DataType type) throws IOException {
    if (value == null) {
      generator.writeNull();
      return;
    }
    switch (type) {
      case TIMESTAMP, DATE, TIME -> generator.writeString(ValueFormat.format(value, type));
      case VARCHAR -> generator.writeString(value.toString());
      default -> writeNatural(value);
    }
  }

  private void writeNatural(Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Float f) {
      generator.writeNumber(f);
    } else if (value instanceof Double d) {
      generator.writeNumber(d);
    } else if (value instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof BigInteger integer) {
      generator.writeNumber(integer);
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object element : list) {
        writeNatural(element);
      }
      generator.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        writeNatural(entry.getValue());
      }
      generator.writeEndObject();
    } else {
      generator.writeString(value.toString());
    }
  }
}
