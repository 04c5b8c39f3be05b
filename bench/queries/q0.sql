-- q0: pass-through. Reads every bid and writes it out unchanged: the cost of the engine itself.
CREATE STREAM discard_sink (
  auction BIGINT, bidder BIGINT, price BIGINT, date_time TIMESTAMP(3), extra VARCHAR)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT auction, bidder, price, date_time, extra FROM bid;
