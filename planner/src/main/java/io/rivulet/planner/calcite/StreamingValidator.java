package io.rivulet.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlModality;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;

/**
 * Calcite's validator without its stream/relation modality check: every query that reads a
 * stream is continuous, with or without the STREAM keyword, and the physical planner (not the
 * validator) decides what can run on unbounded input.
 */
final class StreamingValidator extends SqlValidatorImpl {
  StreamingValidator(
      SqlOperatorTable operators,
      SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory,
      Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  @Override
  public boolean validateModality(SqlSelect select, SqlModality modality, boolean fail) {
    return true;
  }
}
