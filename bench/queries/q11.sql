-- q11 (user sessions): how many bids each bidder makes in each session, a session ending after
-- 10 s without a bid.
CREATE STREAM discard_sink (
  bidder BIGINT, bid_count BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3))
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT bidder, COUNT(*) AS bid_count,
  SESSION_START(date_time, INTERVAL '10' SECOND) AS starttime,
  SESSION_END(date_time, INTERVAL '10' SECOND) AS endtime
FROM bid
GROUP BY bidder, SESSION(date_time, INTERVAL '10' SECOND);
