package io.rivulet.planner.codegen.vector;

/** How the values of an expression are held: which {@link Values} its kernel returns. */
enum Representation {
  LONG,
  DOUBLE,
  BOOLEAN,
  OBJECT
}
