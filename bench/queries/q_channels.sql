-- channels: the number of bids per channel in each 10 s tumbling window; not a Nexmark query,
-- but one of the figures the peers (Flink, Spark) were measured on.
CREATE STREAM discard_sink (
  channel VARCHAR, bids BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3))
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT channel, COUNT(*) AS bids, window_start AS starttime, window_end AS endtime
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
GROUP BY channel, window_start, window_end;
