-- Line cancellations (issue 16 point 3, docs/adr/0021): the units each cancellation took off the order's remainder
-- shipment, so that a repeat changes nothing and a later dispatch of the remainder names its lines.
ALTER TABLE shipments ADD COLUMN line_cancellations jsonb NOT NULL DEFAULT '[]';
ALTER TABLE shipments ALTER COLUMN line_cancellations DROP DEFAULT;
