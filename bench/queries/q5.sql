-- q5 (hot items), the aggregate part: the number of bids per auction in each 10 s window
-- sliding by 2 s, as the peers' "q5-like" figure measures it. The full q5 then keeps, per
-- window, the auctions with the most bids: see q5_full.sql.
CREATE STREAM discard_sink (
  auction BIGINT, num BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3))
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime
FROM TABLE(HOP(TABLE bid, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;
