/** The embedding API: an in-process engine, sessions that run statements, and query handles. */
package io.rivulet.engine;
