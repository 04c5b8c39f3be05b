-- A CPU-load monitor: per host, the average load over the last 5 minutes, every minute (a
-- sliding window); only the hosts above 90% are reported.
CREATE STREAM cpu (
  host VARCHAR,
  load DOUBLE,
  ts   TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '10' SECOND
) WITH ('connector' = 'file', 'path' = 'samples/data/cpu', 'format' = 'csv', 'mode' = 'bounded');

SELECT window_end AS measured_until, host, ROUND(AVG(load), 1) AS avg_load, 'OVERLOADED' AS status
FROM TABLE(HOP(TABLE cpu, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE))
GROUP BY window_start, window_end, host
HAVING AVG(load) > 90;
