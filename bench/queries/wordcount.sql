-- input: text
-- wordcount: how often each word occurs in text files (one partition per file). Not a Nexmark
-- query: the runner writes the files (${text}) and counts lines as its events.
CREATE STREAM lines (line VARCHAR)
WITH ('connector' = 'file', 'path' = '${text}', 'format' = 'text', 'mode' = 'bounded');

CREATE STREAM discard_sink (word VARCHAR, cnt BIGINT)
WITH ('connector' = '${sink}');

INSERT INTO discard_sink
SELECT word, COUNT(*) AS cnt
FROM lines CROSS JOIN UNNEST(SPLIT(line, ' ')) AS t(word)
GROUP BY word;
