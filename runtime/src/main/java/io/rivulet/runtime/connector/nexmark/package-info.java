/**
 * The {@code nexmark} connector: a fast, deterministic generator of the Nexmark auction events
 * (Person, Auction, Bid) in the reference generator's proportions and key skew, read as one stream
 * per table.
 */
package io.rivulet.runtime.connector.nexmark;
