/** Planner internals: calcite. */
package io.rivulet.planner.calcite;
