-- Ad attribution: a click counts for an impression of the same ad shown to the same user at
-- most 10 minutes before it (an interval join on event time; state is dropped as the
-- watermark passes, so it stays bounded on an endless stream).
CREATE STREAM impressions (
  impression_id VARCHAR,
  user_id       BIGINT,
  ad            VARCHAR,
  shown_at      TIMESTAMP(3),
  WATERMARK FOR shown_at AS shown_at - INTERVAL '5' SECOND
) WITH ('connector' = 'file', 'path' = 'samples/data/impressions', 'format' = 'csv', 'mode' = 'bounded');

CREATE STREAM clicks (
  user_id    BIGINT,
  ad         VARCHAR,
  click_time TIMESTAMP(3),
  WATERMARK FOR click_time AS click_time - INTERVAL '5' SECOND
) WITH ('connector' = 'file', 'path' = 'samples/data/clicks', 'format' = 'csv', 'mode' = 'bounded');

SELECT i.impression_id, i.user_id, i.ad, i.shown_at, c.click_time
FROM impressions i JOIN clicks c
  ON i.user_id = c.user_id AND i.ad = c.ad
 AND c.click_time BETWEEN i.shown_at AND i.shown_at + INTERVAL '10' MINUTE;
