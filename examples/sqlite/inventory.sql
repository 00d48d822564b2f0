-- SPDX-License-Identifier: MIT
-- A small inventory: parts, the bins they are kept in, and stock counts.
CREATE TABLE bins(id INTEGER PRIMARY KEY, aisle TEXT NOT NULL, shelf INTEGER NOT NULL);
CREATE TABLE parts(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, grams INTEGER);
CREATE TABLE stock(part INTEGER REFERENCES parts(id), bin INTEGER REFERENCES bins(id), count INTEGER NOT NULL);

BEGIN;
INSERT INTO bins VALUES (1, 'A', 1), (2, 'A', 2), (3, 'B', 1);
INSERT INTO parts VALUES (1, 'bolt M4', 3), (2, 'nut M4', 1), (3, 'washer M4', 1), (4, 'bracket', 45);
INSERT INTO stock VALUES (1, 1, 400), (2, 1, 380), (3, 2, 900), (4, 3, 12), (1, 3, 50);
-- A thousand more bins and a stock line in each, made by SQL itself.
WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < 1003)
INSERT INTO bins SELECT i, char(67 + i % 20), i % 8 FROM n;
INSERT INTO stock SELECT 1 + id % 4, id, id % 97 FROM bins WHERE id > 3;
COMMIT;

CREATE INDEX stock_by_part ON stock(part);

.headers on
SELECT p.name, count(*) AS bins, sum(s.count) AS pieces, sum(s.count * p.grams) / 1000.0 AS kilograms
  FROM parts p JOIN stock s ON s.part = p.id GROUP BY p.id ORDER BY pieces DESC;
SELECT b.aisle, count(DISTINCT b.id) AS bins, sum(s.count) AS pieces
  FROM bins b JOIN stock s ON s.bin = b.id WHERE b.aisle < 'E' GROUP BY b.aisle ORDER BY b.aisle;
.headers off
.print Bins with the most bolts:
SELECT bin, count FROM stock WHERE part = (SELECT id FROM parts WHERE name = 'bolt M4') ORDER BY count DESC, bin LIMIT 3;
PRAGMA integrity_check;
