CREATE TABLE payments (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL,
    amount numeric(12,2) NOT NULL,
    currency text NOT NULL,
    method text NOT NULL,
    token text NOT NULL,
    status text NOT NULL,
    attempts integer NOT NULL,
    last_error text NULL,
    authorization_code text NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- One payment per order: a repeated request can never authorize twice.
CREATE UNIQUE INDEX ux_payments_order ON payments (order_id);
