package io.rivulet.shell.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Changelog mode: one running table of changes, every row with its kind, the header once. */
class ChangelogViewTest {
  @Test
  void printsTheHeaderOnceAndEveryChangeWithItsKind() {
    ChangelogView view = new ChangelogView(Changes.COUNTS);

    assertThat(view.append(Changes.of(0).add("+I", "web", 1L).batch())).containsExactly(
        "+----+----------------------+----------------------+",
        "| op | channel              |                    n |",
        "+----+----------------------+----------------------+",
        "| +I | web                  |                    1 |");
    assertThat(view.append(Changes.of(1).batch())).isEmpty();
    assertThat(view.append(Changes.of(2).add("-U", "web", 1L).add("+U", "web", 2L).add("-D", "app", 5L).batch()))
        .containsExactly(
            "| -U | web                  |                    1 |",
            "| +U | web                  |                    2 |",
            "| -D | app                  |                    5 |");
    assertThat(view.finish()).containsExactly("+----+----------------------+----------------------+");
  }

  @Test
  void aColumnThatGrowsBringsANewHeader() {
    ChangelogView view = new ChangelogView(Changes.COUNTS);
    view.append(Changes.of(0).add("+I", "web", 1L).batch());

    assertThat(view.append(Changes.of(1).add("+I", "a-rather-long-channel-name", 1L).batch())).containsExactly(
        "+----+----------------------------+----------------------+",
        "| op | channel                    |                    n |",
        "+----+----------------------------+----------------------+",
        "| +I | a-rather-long-channel-name |                    1 |");
  }
}
