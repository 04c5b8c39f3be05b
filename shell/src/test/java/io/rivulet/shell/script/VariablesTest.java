package io.rivulet.shell.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rivulet.runtime.RivuletException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --define}: ${key} replaced everywhere but in comments; positions map back. */
class VariablesTest {
  private final Variables variables = new Variables(Map.of("dir", "/data/in", "n", "10"));

  @Test
  void replacesKeysInStringsAndQueriesButNotInComments() {
    String script = "-- reads ${dir}\nSELECT * FROM t WHERE n > ${n} /* ${nope} */ AND p = '${dir}/x';";

    assertThat(variables.substitute(script).text())
        .isEqualTo("-- reads ${dir}\nSELECT * FROM t WHERE n > 10 /* ${nope} */ AND p = '/data/in/x';");
  }

  @Test
  void aDoubledDollarKeepsTheTextAsItIs() {
    assertThat(variables.substitute("SELECT '$${dir}', '${dir}', '$5'").text())
        .isEqualTo("SELECT '${dir}', '/data/in', '$5'");
  }

  @Test
  void anUndefinedKeyIsAnErrorNamingItAtItsPlace() {
    assertThatThrownBy(() -> variables.substitute("SELECT 1;\nSELECT ${limit};"))
        .isInstanceOf(RivuletException.class)
        .hasMessage("${limit} is not defined; pass --define limit=value")
        .extracting(e -> ((RivuletException) e).position().orElseThrow().toString())
        .isEqualTo("2:8");
  }

  @Test
  void positionsAfterAReplacementMapBackToTheTextAsWritten() {
    Variables.Substituted substituted = variables.substitute("SELECT '${dir}', prize\nFROM t");

    // In the substituted text 'prize' is at 1:20; as written it is at 1:18.
    assertThat(substituted.text()).isEqualTo("SELECT '/data/in', prize\nFROM t");
    assertThat(substituted.original(new RivuletException.Position(1, 20))).hasToString("1:18");
    assertThat(substituted.original(new RivuletException.Position(1, 10))).hasToString("1:9");
    assertThat(substituted.original(new RivuletException.Position(2, 6))).hasToString("2:6");
  }

  @Test
  void aValueSpanningLinesShiftsTheLinesBack() {
    Variables multiline = new Variables(Map.of("cols", "a,\n  b"));
    Variables.Substituted substituted = multiline.substitute("SELECT ${cols}, c FROM t\nWHERE x");

    assertThat(substituted.original(new RivuletException.Position(2, 6))).hasToString("1:17");
    assertThat(substituted.original(new RivuletException.Position(3, 1))).hasToString("2:1");
  }
}
