package io.rivulet.planner.physical;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/** EXPLAIN text for planner-built operators, with column names instead of {@code $n} indexes. */
final class Explain {
  private static final Pattern INPUT_REFERENCE = Pattern.compile("\\$(\\d+)");

  private Explain() {}

  /** {@code Calc(filter=[...], project=[a, b * 2 AS c])}. */
  static String calc(RexProgram program) {
    List<String> inputNames = program.getInputRowType().getFieldNames();
    List<String> outputNames = program.getOutputRowType().getFieldNames();
    StringBuilder text = new StringBuilder("Calc(");
    if (program.getCondition() != null) {
      text.append("filter=[")
          .append(render(program.expandLocalRef(program.getCondition()), inputNames))
          .append("], ");
    }
    List<String> projects = new ArrayList<>();
    List<RexLocalRef> projectList = program.getProjectList();
    for (int i = 0; i < projectList.size(); i++) {
      String expression = render(program.expandLocalRef(projectList.get(i)), inputNames);
      String name = outputNames.get(i);
      projects.add(expression.equals(name) ? name : expression + " AS " + name);
    }
    return text.append("project=[").append(String.join(", ", projects)).append("])").toString();
  }

  /** A Rex expression as text, input references replaced by column names. */
  static String render(RexNode expression, List<String> inputNames) {
    Matcher matcher = INPUT_REFERENCE.matcher(expression.toString());
    StringBuilder rendered = new StringBuilder();
    while (matcher.find()) {
      int index = Integer.parseInt(matcher.group(1));
      String name = index < inputNames.size() ? inputNames.get(index) : matcher.group();
      matcher.appendReplacement(rendered, Matcher.quoteReplacement(name));
    }
    matcher.appendTail(rendered);
    return rendered.toString();
  }
}
