-- The Nexmark streams every query reads: three tables of one generated event sequence.
-- The runner substitutes the ${...} placeholders (see `./rivulet bench --help`); to run a query
-- by hand, replace them, e.g. ${events} with 10000000 and ${sink} with blackhole.
CREATE STREAM person (
  id BIGINT, name VARCHAR, email_address VARCHAR, credit_card VARCHAR, city VARCHAR,
  state VARCHAR, date_time TIMESTAMP(3), extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
WITH ('connector' = 'nexmark', 'table' = 'person', 'events' = '${events}',
  'events.per-second' = '${events_per_second}', 'seed' = '${seed}',
  'disorder.max-millis' = '${disorder}');

CREATE STREAM auction (
  id BIGINT, item_name VARCHAR, description VARCHAR, initial_bid BIGINT, reserve BIGINT,
  date_time TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
WITH ('connector' = 'nexmark', 'table' = 'auction', 'events' = '${events}',
  'events.per-second' = '${events_per_second}', 'seed' = '${seed}',
  'disorder.max-millis' = '${disorder}');

CREATE STREAM bid (
  auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
  date_time TIMESTAMP(3), extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = '${events}',
  'events.per-second' = '${events_per_second}', 'seed' = '${seed}',
  'disorder.max-millis' = '${disorder}');
