/** The Rivulet runtime: everything that runs a planned query; it knows nothing about SQL. */
package io.rivulet.runtime;
