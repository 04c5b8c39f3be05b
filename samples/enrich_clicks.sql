-- Clicks enriched with who clicked: a stream joined with a static table of users (read once
-- and shared by every partition; 'lookup.refresh-interval' would re-read it). Clicks by users
-- the table does not know keep NULL names (LEFT JOIN).
CREATE TABLE users (id BIGINT, name VARCHAR, country VARCHAR)
WITH ('connector' = 'file', 'path' = 'samples/data/users.csv', 'format' = 'csv', 'csv.header' = 'true');

CREATE STREAM clicks (
  user_id    BIGINT,
  ad         VARCHAR,
  click_time TIMESTAMP(3),
  WATERMARK FOR click_time AS click_time - INTERVAL '5' SECOND
) WITH ('connector' = 'file', 'path' = 'samples/data/clicks', 'format' = 'csv', 'mode' = 'bounded');

SELECT c.click_time, c.ad, c.user_id, u.name, u.country
FROM clicks c LEFT JOIN users u ON c.user_id = u.id;
