-- q21 (add channel id): the channel id of each bid, from its channel name for the four hot
-- channels and from its URL's channel_id parameter for the others (Flink's REGEXP_EXTRACT,
-- written with POSITION and SUBSTRING).
CREATE STREAM discard_sink (
  auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, channel_id VARCHAR)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT auction, bidder, price, channel,
  CASE
    WHEN LOWER(channel) = 'apple' THEN '0'
    WHEN LOWER(channel) = 'google' THEN '1'
    WHEN LOWER(channel) = 'facebook' THEN '2'
    WHEN LOWER(channel) = 'baidu' THEN '3'
    ELSE SUBSTRING(url FROM POSITION('channel_id=' IN url) + 11)
  END AS channel_id
FROM bid
WHERE POSITION('channel_id=' IN url) > 0
  OR LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu');
