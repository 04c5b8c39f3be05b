package io.rivulet.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system with two changes users expect: CASE branches of different string lengths
 * become VARCHAR (no blank padding of {@code 'big'} to {@code 'big  '}), and TIMESTAMP defaults to
 * millisecond precision.
 */
public final class RivuletTypeSystem extends RelDataTypeSystemImpl {
  public static final RivuletTypeSystem INSTANCE = new RivuletTypeSystem();

  private RivuletTypeSystem() {}

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  /** CAST to DECIMAL rounds half away from zero, as SQL users expect, rather than truncating. */
  @Override
  public java.math.RoundingMode roundingMode() {
    return java.math.RoundingMode.HALF_UP;
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME) {
      return 3;
    }
    return super.getDefaultPrecision(typeName);
  }
}
