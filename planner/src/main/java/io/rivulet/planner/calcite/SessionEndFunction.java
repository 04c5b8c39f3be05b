package io.rivulet.planner.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Marks where a query asked for {@code SESSION_END}. Calcite converts SESSION_END to the session's
 * start (it cannot know the end), so the SQL is rewritten to {@code $SESSION_END(SESSION_START(..))}
 * and the physical planner replaces the marker with the window end its session operator computes.
 */
public final class SessionEndFunction extends SqlFunction {
  public static final SessionEndFunction INSTANCE = new SessionEndFunction();

  private SessionEndFunction() {
    super(
        "$SESSION_END",
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0,
        null,
        OperandTypes.DATETIME,
        SqlFunctionCategory.SYSTEM);
  }

  /** Rewrites every {@code SESSION_END(args)} of a query into the marked form. */
  static SqlNode rewrite(SqlNode query) {
    return query.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlCall call) {
            SqlNode visited = super.visit(call);
            if (visited instanceof SqlCall rewritten
                && rewritten.getOperator().getName().equalsIgnoreCase("SESSION_END")) {
              SqlCall start =
                  SqlStdOperatorTable.SESSION_START.createCall(
                      rewritten.getParserPosition(), rewritten.getOperandList());
              return INSTANCE.createCall(rewritten.getParserPosition(), start);
            }
            return visited;
          }
        });
  }
}
