-- Returns and refunds per line quantity (issue 16 point 2, ADR 0020): a return per batch of units a customer sends
-- back, its lines (sku, quantity, unitPrice, receivedQuantity, restock) as JSON like the order's, and the refunded
-- amount Payments reports on the order.
ALTER TABLE orders ADD COLUMN refunded_amount numeric(14,2) NOT NULL DEFAULT 0;

CREATE TABLE returns (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL,
    status text NOT NULL,
    reason text NOT NULL,
    rejection_reason text NULL,
    lines jsonb NOT NULL,
    refund_amount numeric(14,2) NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL
);

CREATE INDEX ix_returns_order ON returns (order_id);
