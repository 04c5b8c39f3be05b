/** The operator protocol that every runtime operator implements, and the factories that describe them. */
package io.rivulet.runtime.operator;
