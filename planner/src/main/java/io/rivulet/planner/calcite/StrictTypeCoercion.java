package io.rivulet.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit type coercion without the two conversions that hide mistakes: arithmetic on a
 * string ({@code price + 'abc'} would fail on every row at run time) and comparing a BOOLEAN to a
 * number ({@code flag = 1}). Both become validation errors; comparing a timestamp to a string
 * literal still works.
 */
final class StrictTypeCoercion extends TypeCoercionImpl {
  StrictTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
    for (int i = 0; i < binding.getOperandCount(); i++) {
      if (SqlTypeUtil.isCharacter(binding.getOperandType(i))) {
        return false;
      }
    }
    return super.binaryArithmeticCoercion(binding);
  }

  @Override
  public boolean builtinFunctionCoercion(
      SqlCallBinding binding,
      java.util.List<RelDataType> operandTypes,
      java.util.List<org.apache.calcite.sql.type.SqlTypeFamily> expectedFamilies) {
    if (binding.getOperator().getKind().belongsTo(org.apache.calcite.sql.SqlKind.BINARY_ARITHMETIC)
        && operandTypes.stream().anyMatch(SqlTypeUtil::isCharacter)) {
      return false;
    }
    return super.builtinFunctionCoercion(binding, operandTypes, expectedFamilies);
  }

  @Override
  protected boolean binaryArithmeticWithStrings(
      SqlCallBinding binding, RelDataType left, RelDataType right) {
    return false;
  }

  @Override
  protected boolean booleanEquality(SqlCallBinding binding, RelDataType left, RelDataType right) {
    return false;
  }
}
