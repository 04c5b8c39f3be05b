/** Planner internals: codegen. */
package io.rivulet.planner.codegen;
