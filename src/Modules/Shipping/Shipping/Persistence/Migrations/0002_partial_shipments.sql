-- Partial shipments (issue 16 point 1, docs/adr/0019): an order may have several shipments. The saga's shipment is
-- the order's remainder (remainder = true; still one per order, which keeps CreateShipment idempotent); an operator
-- carves others out of it (remainder = false). Shipments of the previous version are remainders.
ALTER TABLE shipments ADD COLUMN remainder boolean NOT NULL DEFAULT true;
ALTER TABLE shipments ALTER COLUMN remainder DROP DEFAULT;
DROP INDEX ux_shipments_order;
CREATE UNIQUE INDEX ux_shipments_order ON shipments (order_id) WHERE remainder;
CREATE INDEX ix_shipments_order ON shipments (order_id);
