-- Hot items: bids per item over the last 10 minutes, every minute (Nexmark's "hot items"
-- shape); items with at least 45 bids in a window are reported.
CREATE STREAM bids (
  item     BIGINT,
  bidder   BIGINT,
  price    BIGINT,
  bid_time TIMESTAMP(3),
  WATERMARK FOR bid_time AS bid_time - INTERVAL '5' SECOND
) WITH ('connector' = 'file', 'path' = 'samples/data/bids', 'format' = 'csv', 'mode' = 'bounded');

SELECT window_start, window_end, item, COUNT(*) AS bids, MAX(price) AS top_price
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(bid_time), INTERVAL '1' MINUTE, INTERVAL '10' MINUTE))
GROUP BY window_start, window_end, item
HAVING COUNT(*) >= 45;
