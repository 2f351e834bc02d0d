-- Refunds (issue 16 point 2, ADR 0020): what a payment has given back, and one refund per return whose provider call
-- the refund worker makes outside any delivery, under a lease (due_at, lease_id, lease_expires_at) as authorization
-- attempts are. The primary key is the return's id, so a return is never refunded twice.
ALTER TABLE payments ADD COLUMN refunded_amount numeric(14,2) NOT NULL DEFAULT 0;

CREATE TABLE refunds (
    id uuid PRIMARY KEY,
    payment_id uuid NOT NULL,
    order_id uuid NOT NULL,
    amount numeric(14,2) NOT NULL,
    status text NOT NULL,
    attempts integer NOT NULL,
    last_error text NULL,
    due_at timestamptz NULL,
    lease_id uuid NULL,
    lease_expires_at timestamptz NULL,
    trace_parent text NULL,
    correlation_id text NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT ck_refunds_amount CHECK (amount > 0)
);

CREATE INDEX ix_refunds_payment ON refunds (payment_id);
CREATE INDEX ix_refunds_due ON refunds (due_at) WHERE due_at IS NOT NULL;
ALTER TABLE payments ADD CONSTRAINT ck_payments_refunded CHECK (refunded_amount >= 0 AND refunded_amount <= amount);
