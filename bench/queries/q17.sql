-- q17 (auction statistics): per auction and day, the number of bids in three price ranges and
-- the lowest, highest, mean and total price. An updating (non-windowed) aggregate, as in Flink's
-- Nexmark: its output is a changelog.
CREATE STREAM discard_sink (
  auction BIGINT, `day` DATE, total_bids BIGINT, rank1_bids BIGINT, rank2_bids BIGINT,
  rank3_bids BIGINT, min_price BIGINT, max_price BIGINT, avg_price BIGINT, sum_price BIGINT)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT auction, CAST(date_time AS DATE) AS `day`, COUNT(*) AS total_bids,
  SUM(CASE WHEN price < 10000 THEN 1 ELSE 0 END) AS rank1_bids,
  SUM(CASE WHEN price >= 10000 AND price < 1000000 THEN 1 ELSE 0 END) AS rank2_bids,
  SUM(CASE WHEN price >= 1000000 THEN 1 ELSE 0 END) AS rank3_bids,
  MIN(price) AS min_price, MAX(price) AS max_price, AVG(price) AS avg_price,
  SUM(price) AS sum_price
FROM bid
GROUP BY auction, CAST(date_time AS DATE);
