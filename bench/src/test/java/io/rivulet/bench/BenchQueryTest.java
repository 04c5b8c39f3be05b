package io.rivulet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchQueryTest {
  @Test
  void everyQueryFileLoadsInNaturalOrderWithItsDirectives() {
    List<BenchQuery> queries = BenchQuery.loadAll(BenchSettings.defaultQueryDirectory());
    List<String> names = queries.stream().map(BenchQuery::name).toList();
    assertThat(names)
        .startsWith("q0", "q1", "q2", "q5")
        .contains("q5_full", "q7", "q7_full", "q8", "q11", "q14", "q17", "q21", "q22", "wordcount")
        .doesNotContain("ddl");
    assertThat(names.indexOf("q2")).isLessThan(names.indexOf("q11"));
    assertThat(queries.get(names.indexOf("wordcount")).readsText()).isTrue();
    assertThat(queries.get(names.indexOf("q0")).readsText()).isFalse();
    assertThat(queries).allMatch(query -> query.skipReason().isEmpty());
    for (BenchQuery query : queries) {
      assertThat(query.script()).as(query.name()).contains("INSERT INTO discard_sink");
    }
  }

  @Test
  void aSkipCommentInTheHeaderMarksAQueryToSkip(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q5_full.sql");
    Files.writeString(
        file, "-- skip: needs the window join\n-- q5 in full\nINSERT INTO discard_sink SELECT 1;\n");
    BenchQuery query = BenchQuery.load(file);
    assertThat(query.name()).isEqualTo("q5_full");
    assertThat(query.skipReason()).hasValue("needs the window join");
  }

  @Test
  void placeholdersAreSubstitutedAndUnknownOnesReported() {
    assertThat(BenchQuery.substitute("'${events}' and ${sink}", Map.of("events", "5", "sink", "x")))
        .isEqualTo("'5' and x");
    assertThatThrownBy(() -> BenchQuery.substitute("${nope}", Map.of("events", "5")))
        .hasMessageContaining("unknown placeholder ${nope}");
  }
}
