-- Partial shipments (issue 16 point 1, docs/adr/0019): the order keeps each of its shipments as Shipping reported it
-- (carved out, dispatched with its lines, delivered), from which it derives each line's shipped quantity, Shipped
-- (every unit has left) and Delivered (every shipment that left is delivered). Orders of the previous version have
-- none: their one shipment is the saga's, mirrored by shipment_id and shipment_status as before.
ALTER TABLE orders ADD COLUMN shipments jsonb NOT NULL DEFAULT '[]';
ALTER TABLE orders ALTER COLUMN shipments DROP DEFAULT;
