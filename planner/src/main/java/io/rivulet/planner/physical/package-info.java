/** Planner internals: physical. */
package io.rivulet.planner.physical;
