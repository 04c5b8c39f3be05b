/** The Flink runner of the peers harness. */
package io.rivulet.peers.flink;
