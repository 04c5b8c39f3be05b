-- q1: currency conversion. Converts each bid's price from dollars to euros.
CREATE STREAM discard_sink (
  auction BIGINT, bidder BIGINT, price DECIMAL(23, 3), date_time TIMESTAMP(3), extra VARCHAR)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT auction, bidder, 0.908 * price AS price, date_time, extra FROM bid;
