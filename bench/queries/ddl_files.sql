-- The Nexmark streams read from files that `rivulet bench generate` wrote (the runner writes
-- them when run with --source csv or --source json): the same events as ddl.sql, one partition
-- per file, each file in event-time order.
CREATE STREAM person (
  id BIGINT, name VARCHAR, email_address VARCHAR, credit_card VARCHAR, city VARCHAR,
  state VARCHAR, date_time TIMESTAMP(3), extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
WITH ('connector' = 'file', 'path' = '${data}/person', 'format' = '${format}',
  'mode' = 'bounded');

CREATE STREAM auction (
  id BIGINT, item_name VARCHAR, description VARCHAR, initial_bid BIGINT, reserve BIGINT,
  date_time TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
WITH ('connector' = 'file', 'path' = '${data}/auction', 'format' = '${format}',
  'mode' = 'bounded');

CREATE STREAM bid (
  auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
  date_time TIMESTAMP(3), extra VARCHAR,
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND)
WITH ('connector' = 'file', 'path' = '${data}/bid', 'format' = '${format}',
  'mode' = 'bounded');
