/** Operators about time: processing-time attributes. */
package io.rivulet.runtime.operator.time;
