-- q2: selection. The bids on a set of auctions (those whose id is a multiple of 123).
CREATE STREAM discard_sink (auction BIGINT, price BIGINT)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0;
