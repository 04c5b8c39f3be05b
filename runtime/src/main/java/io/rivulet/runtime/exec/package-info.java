/** Running a query: the micro-batch driver, partition tasks, exchanges and progress. */
package io.rivulet.runtime.exec;
