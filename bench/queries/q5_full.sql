-- q5 (hot items): the auctions with the most bids in each 10 s window sliding by 2 s.
CREATE STREAM discard_sink (auction BIGINT, num BIGINT)
WITH ('connector' = '${sink}');

CREATE VIEW auction_bids AS
SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime
FROM TABLE(HOP(TABLE bid, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;

INSERT INTO discard_sink
SELECT a.auction, a.num
FROM auction_bids AS a
JOIN (
  SELECT MAX(num) AS maxn, starttime, endtime FROM auction_bids GROUP BY starttime, endtime
) AS m
ON a.starttime = m.starttime AND a.endtime = m.endtime AND a.num >= m.maxn;
