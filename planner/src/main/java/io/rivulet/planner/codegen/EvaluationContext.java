package io.rivulet.planner.codegen;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import java.util.TimeZone;

/**
 * The context generated expressions read the clock and time zone from. Rivulet's timestamps are
 * zone-less wall clocks in UTC, so the session zone is UTC whatever the machine's zone is.
 */
final class EvaluationContext implements DataContext {
  static final EvaluationContext INSTANCE = new EvaluationContext();
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl();

  private EvaluationContext() {}

  @Override
  public SchemaPlus getRootSchema() {
    return null;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return typeFactory;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    if (Variable.CURRENT_TIMESTAMP.camelName.equals(name)
        || Variable.LOCAL_TIMESTAMP.camelName.equals(name)
        || Variable.UTC_TIMESTAMP.camelName.equals(name)) {
      return System.currentTimeMillis();
    }
    if (Variable.TIME_ZONE.camelName.equals(name)) {
      return UTC;
    }
    if (Variable.LOCALE.camelName.equals(name)) {
      return java.util.Locale.ROOT;
    }
    return null;
  }
}
