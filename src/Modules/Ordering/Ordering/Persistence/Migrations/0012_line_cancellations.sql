-- Line cancellations (issue 16 point 3, docs/adr/0021): each request to cancel some units of an order before they
-- ship, Requested until Shipping decides, then Cancelled or Refused. Orders of the previous version have none.
ALTER TABLE orders ADD COLUMN line_cancellations jsonb NOT NULL DEFAULT '[]';
ALTER TABLE orders ALTER COLUMN line_cancellations DROP DEFAULT;
