/** Run-time types and schemas. */
package io.rivulet.runtime.type;
