-- q7 (highest bid), the aggregate part: the highest price in each 10 s tumbling window, as the
-- peers' "q7-like" figure measures it. The full q7 then finds the bids at that price: see
-- q7_full.sql.
CREATE STREAM discard_sink (starttime TIMESTAMP(3), endtime TIMESTAMP(3), maxprice BIGINT)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT window_start, window_end, MAX(price) AS maxprice
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
