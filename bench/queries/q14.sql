-- q14 (calculation): a filter, a CASE on the hour of the bid and a UDF-like expression (Flink's
-- count_char(extra, 'c'), written with string functions since Rivulet has no user functions).
CREATE STREAM discard_sink (
  auction BIGINT, bidder BIGINT, price DECIMAL(23, 3), bid_time_type VARCHAR,
  date_time TIMESTAMP(3), extra VARCHAR, c_counts INTEGER)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT auction, bidder, 0.908 * price AS price,
  CASE
    WHEN EXTRACT(HOUR FROM date_time) >= 8 AND EXTRACT(HOUR FROM date_time) <= 18 THEN 'dayTime'
    WHEN EXTRACT(HOUR FROM date_time) <= 6 OR EXTRACT(HOUR FROM date_time) >= 20 THEN 'nightTime'
    ELSE 'otherTime'
  END AS bid_time_type,
  date_time, extra,
  CHAR_LENGTH(extra) - CHAR_LENGTH(REPLACE(extra, 'c', '')) AS c_counts
FROM bid
WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000;
