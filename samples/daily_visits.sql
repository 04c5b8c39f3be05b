-- Visits per user per day: a one-day tumbling window over the visit log. Each file of the
-- directory is its own partition with its own watermark; a day is reported once the watermark
-- (the latest visit seen, less one minute) has passed its end.
CREATE STREAM visits (
  user_id    VARCHAR,
  url        VARCHAR,
  visit_time TIMESTAMP(3),
  WATERMARK FOR visit_time AS visit_time - INTERVAL '1' MINUTE
) WITH ('connector' = 'file', 'path' = 'samples/data/visits', 'format' = 'csv',
        'csv.header' = 'true', 'mode' = 'bounded');

SELECT CAST(window_start AS DATE) AS visit_day, user_id, COUNT(*) AS visits
FROM TABLE(TUMBLE(TABLE visits, DESCRIPTOR(visit_time), INTERVAL '1' DAY))
GROUP BY window_start, window_end, user_id;
