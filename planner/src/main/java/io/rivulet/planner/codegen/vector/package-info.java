/**
 * Column-at-a-time evaluation of Calc programs: a {@link io.rivulet.planner.codegen.vector.VectorCompiler}
 * turns a Calcite {@code RexProgram} into a tree of small kernels, each looping over the primitive
 * arrays of a whole batch, with the exact semantics of Calcite's row-at-a-time code, which stays
 * the fallback for everything the kernels do not cover.
 */
package io.rivulet.planner.codegen.vector;
