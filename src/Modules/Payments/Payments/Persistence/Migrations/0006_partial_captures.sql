-- Partial shipments capture the money of each shipment's lines (docs/adr/0019): a payment keeps how much of its
-- authorized amount is captured (never more than the amount) and one row per capture, unique per shipment, so a
-- redelivered dispatch never captures twice. shipment_id NULL: a capture that names no shipment (the remainder of
-- the amount, as a CapturePayment of the previous version asks). Payments captured before this migration are
-- captured in full.
ALTER TABLE payments ADD COLUMN captured_amount numeric(14,2) NOT NULL DEFAULT 0;
UPDATE payments SET captured_amount = amount WHERE status IN ('Captured', 'Refunded');
ALTER TABLE payments ALTER COLUMN captured_amount DROP DEFAULT;
ALTER TABLE payments ADD CONSTRAINT ck_payments_captured_amount CHECK (captured_amount >= 0 AND captured_amount <= amount);

CREATE TABLE captures (
    id uuid PRIMARY KEY,
    payment_id uuid NOT NULL,
    shipment_id uuid NULL,
    amount numeric(14,2) NOT NULL,
    status text NOT NULL,
    requested_at timestamptz NOT NULL,
    captured_at timestamptz NULL,
    CONSTRAINT fk_captures_payment FOREIGN KEY (payment_id) REFERENCES payments (id) ON DELETE CASCADE,
    CONSTRAINT ck_captures_amount CHECK (amount > 0)
);

CREATE UNIQUE INDEX ux_captures_payment_shipment ON captures (payment_id, shipment_id) NULLS NOT DISTINCT;
