/** Fused filters and projections compiled from SQL expressions. */
package io.rivulet.runtime.operator.calc;
