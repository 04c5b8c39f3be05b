/** The Spark runner of the peers harness. */
package io.rivulet.peers.spark;
