/** The catalog of streams, tables and views. */
package io.rivulet.planner.catalog;
