-- History is numbered on read from the recording transactions (shared migration 0001_history_transaction), so
-- reading it no longer writes; the numbers stored by earlier reads are not needed.
DROP TABLE history_numbering;
