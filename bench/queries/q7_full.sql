-- q7 (highest bid): the bids with the highest price in each 10 s tumbling window, as a window
-- join of the windowed bids with the window's maximum price. (Flink's Nexmark joins on
-- date_time BETWEEN window_end - 10 s AND window_end instead, an interval join; Rivulet takes
-- the window_end of an aggregate for a plain timestamp, not a time attribute, and so asks for
-- this form.)
CREATE STREAM discard_sink (
  auction BIGINT, price BIGINT, bidder BIGINT, date_time TIMESTAMP(3), extra VARCHAR)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT b.auction, b.price, b.bidder, b.date_time, b.extra
FROM (
  SELECT auction, price, bidder, date_time, extra, window_start, window_end
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
) AS b
JOIN (
  SELECT MAX(price) AS maxprice, window_start, window_end
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
  GROUP BY window_start, window_end
) AS m
ON b.window_start = m.window_start AND b.window_end = m.window_end AND b.price = m.maxprice;
