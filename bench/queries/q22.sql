-- q22 (get URL directories): the first three directories of each bid's URL (Flink's
-- SPLIT_INDEX(url, '/', 3..5), written with SPLIT and array indexing, which counts from 1).
CREATE STREAM discard_sink (
  auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, dir1 VARCHAR, dir2 VARCHAR,
  dir3 VARCHAR)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT auction, bidder, price, channel,
  SPLIT(url, '/')[4] AS dir1, SPLIT(url, '/')[5] AS dir2, SPLIT(url, '/')[6] AS dir3
FROM bid;
