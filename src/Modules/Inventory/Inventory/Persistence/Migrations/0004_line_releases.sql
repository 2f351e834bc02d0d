-- Line cancellations (issue 16 point 3, docs/adr/0021): a cancellation takes its units off the reservation's lines and
-- is listed here, so a repeat changes nothing.
ALTER TABLE reservations ADD COLUMN line_releases jsonb NOT NULL DEFAULT '[]';
ALTER TABLE reservations ALTER COLUMN line_releases DROP DEFAULT;
