package io.rivulet.jdbc;

import io.rivulet.runtime.RivuletException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;

/**
 * Turns engine errors into {@link SQLException}s: the message keeps the category and the
 * {@code line:column} in the script ({@code validation error at 1:15: ...}), the SQLState says
 * the class of error (42000 syntax or validation, 0A000 unsupported, 22000 data, HY000 other).
 */
final class SqlErrors {
  private SqlErrors() {}

  static SQLException of(Throwable error, SqlTemplate.PositionMap positions) {
    if (error instanceof SQLException sql) {
      return sql;
    }
    if (error instanceof RivuletException rivulet) {
      String where = rivulet.position().map(p -> " at " + positions.map(p)).orElse("");
      String message = rivulet.category().label() + where + ": " + rivulet.getMessage();
      return switch (rivulet.category()) {
        case SYNTAX, VALIDATION -> new SQLSyntaxErrorException(message, "42000", error);
        case UNSUPPORTED -> new SQLFeatureNotSupportedException(message, "0A000", error);
        case INPUT, EXECUTION -> new SQLDataException(message, "22000", error);
        case CONNECTOR -> new SQLException(message, "HY000", error);
      };
    }
    return new SQLException("internal error: " + error, "HY000", error);
  }

  static SQLException of(Throwable error) {
    return of(error, SqlTemplate.PositionMap.identity());
  }

  static SQLException closed(String what) {
    return what.equals("connection")
        ? new SQLNonTransientConnectionException("the connection is closed", "08003")
        : new SQLException("the " + what + " is closed", "HY010");
  }

  static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported by Rivulet", "0A000");
  }
}
