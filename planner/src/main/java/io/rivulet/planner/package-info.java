/** The planner: from validated SQL to a physical micro-batch DAG. */
package io.rivulet.planner;
