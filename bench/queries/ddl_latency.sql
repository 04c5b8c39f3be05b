-- The Nexmark streams of a latency run (`rivulet bench QUERY --latency`): endless, each read at a
-- wall-clock rate ('rows-per-second', in the proportions 1 : 3 : 46 of the event mix), with event
-- time passing as fast as wall-clock time ('events.per-second' is the rate of all events), so that
-- how far the watermark lags behind the wall clock tells how late the newest row is processed.
CREATE STREAM person (
  id BIGINT, name VARCHAR, email_address VARCHAR, credit_card VARCHAR, city VARCHAR,
  state VARCHAR, date_time TIMESTAMP(3), extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '${watermark_delay_seconds}' SECOND)
WITH ('connector' = 'nexmark', 'table' = 'person', 'events.per-second' = '${events_per_second}',
  'rows-per-second' = '${person_rows_per_second}', 'seed' = '${seed}');

CREATE STREAM auction (
  id BIGINT, item_name VARCHAR, description VARCHAR, initial_bid BIGINT, reserve BIGINT,
  date_time TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '${watermark_delay_seconds}' SECOND)
WITH ('connector' = 'nexmark', 'table' = 'auction', 'events.per-second' = '${events_per_second}',
  'rows-per-second' = '${auction_rows_per_second}', 'seed' = '${seed}');

CREATE STREAM bid (
  auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
  date_time TIMESTAMP(3), extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '${watermark_delay_seconds}' SECOND)
WITH ('connector' = 'nexmark', 'table' = 'bid', 'events.per-second' = '${events_per_second}',
  'rows-per-second' = '${bid_rows_per_second}', 'seed' = '${seed}');
