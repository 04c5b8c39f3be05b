-- The classic Spark Streaming word count, in SQL: count the words of the text files in a
-- directory. With 'mode' = 'continuous' it would keep watching the directory for new files.
CREATE STREAM lines (line VARCHAR)
WITH ('connector' = 'file', 'path' = 'samples/data/words', 'format' = 'text', 'mode' = 'bounded');

SELECT word, COUNT(*) AS c
FROM lines CROSS JOIN UNNEST(SPLIT(LOWER(line), ' ')) AS w(word)
WHERE word <> ''
GROUP BY word;
