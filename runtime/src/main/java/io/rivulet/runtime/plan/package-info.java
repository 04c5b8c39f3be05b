/** The physical plan: immutable nodes, and the stages they are cut into at exchanges. */
package io.rivulet.runtime.plan;
