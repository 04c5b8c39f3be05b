package io.rivulet.planner.calcite;

import io.rivulet.planner.codegen.RivuletFunctions;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Replaces CASTs whose Calcite results surprise users coming from Flink SQL: to a string, a
 * TIMESTAMP loses its milliseconds and a DECIMAL below one its leading zero; to an integer, a
 * fraction is rounded (Flink, like Java, truncates). They call {@link RivuletFunctions} instead.
 * CASTs between DECIMAL scales still round half up.
 */
final class CastRewriter {
  private static final SqlUserDefinedFunction TIMESTAMP_TO_STRING =
      function("TIMESTAMP_TO_STRING", "timestampToString");
  private static final SqlUserDefinedFunction DECIMAL_TO_STRING =
      function("DECIMAL_TO_STRING", "decimalToString");

  private static final SqlUserDefinedFunction DECIMAL_TO_LONG =
      function("DECIMAL_TO_LONG", "decimalToLong", SqlTypeName.BIGINT);
  private static final SqlUserDefinedFunction DOUBLE_TO_LONG =
      function("DOUBLE_TO_LONG", "doubleToLong", SqlTypeName.BIGINT);

  private CastRewriter() {}

  private static SqlUserDefinedFunction function(String name, String method) {
    return function(name, method, SqlTypeName.VARCHAR);
  }

  private static SqlUserDefinedFunction function(String name, String method, SqlTypeName returns) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(returns),
        null,
        null,
        ScalarFunctionImpl.create(RivuletFunctions.class, method));
  }

  /**
   * MOD of integers of two widths (a BIGINT column and an INTEGER literal) makes Calcite's code
   * compute through BigDecimal, about fifty times slower; with both operands BIGINT it is a
   * plain {@code %}.
   */
  private static RexNode widenIntegers(RexCall call, RexBuilder rexBuilder) {
    List<RexNode> operands = call.getOperands();
    boolean integers = operands.stream()
        .allMatch(o -> SqlTypeUtil.isIntType(o.getType()) || o.getType().getSqlTypeName() == SqlTypeName.BIGINT);
    boolean mixed = operands.stream().map(o -> o.getType().getSqlTypeName()).distinct().count() > 1;
    if (!integers || !mixed) {
      return call;
    }
    List<RexNode> widened = new java.util.ArrayList<>();
    for (RexNode operand : operands) {
      widened.add(rexBuilder.makeCast(
          rexBuilder.getTypeFactory().createTypeWithNullability(
              rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT), operand.getType().isNullable()),
          operand));
    }
    RexNode result = rexBuilder.makeCall(call.getOperator(), widened);
    return rexBuilder.makeCast(call.getType(), result, true, false);
  }

  static RelNode rewrite(RelNode rel) {
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    RexShuttle casts =
        new RexShuttle() {
          @Override
          public RexNode visitCall(RexCall call) {
            RexCall visited = (RexCall) super.visitCall(call);
            if (visited.getKind() == SqlKind.MOD) {
              return widenIntegers(visited, rexBuilder);
            }
            if (visited.getKind() != SqlKind.CAST) {
              return visited;
            }
            RexNode operand = visited.getOperands().get(0);
            SqlTypeName from = operand.getType().getSqlTypeName();
            if (SqlTypeUtil.isExactNumeric(visited.getType()) && !SqlTypeUtil.isDecimal(visited.getType())) {
              SqlUserDefinedFunction truncate =
                  SqlTypeUtil.isDecimal(operand.getType())
                      ? DECIMAL_TO_LONG
                      : SqlTypeUtil.isApproximateNumeric(operand.getType()) ? DOUBLE_TO_LONG : null;
              if (truncate == null) {
                return visited;
              }
              RexNode whole = rexBuilder.makeCall(
                  rexBuilder.getTypeFactory().createTypeWithNullability(
                      rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT),
                      operand.getType().isNullable()),
                  truncate,
                  java.util.List.of(operand));
              return rexBuilder.makeCast(visited.getType(), whole);
            }
            if (!SqlTypeUtil.isCharacter(visited.getType())) {
              return visited;
            }
            SqlUserDefinedFunction replacement =
                from == SqlTypeName.TIMESTAMP
                    ? TIMESTAMP_TO_STRING
                    : from == SqlTypeName.DECIMAL ? DECIMAL_TO_STRING : null;
            if (replacement == null) {
              return visited;
            }
            RexNode text = rexBuilder.makeCall(visited.getType(), replacement, java.util.List.of(operand));
            return text;
          }
        };
    return rel.accept(
        new RelHomogeneousShuttle() {
          @Override
          public RelNode visit(RelNode other) {
            return super.visit(other).accept(casts);
          }
        });
  }
}
