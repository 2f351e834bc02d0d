CREATE TABLE orders (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    customer_id text NOT NULL,
    status text NOT NULL,
    rejection_reason text NULL,
    currency text NOT NULL,
    lines jsonb NOT NULL,
    total numeric(14,2) NOT NULL,
    shipping_address jsonb NOT NULL,
    payment_method text NOT NULL,
    payment_token text NOT NULL,
    payment_id uuid NULL,
    payment_status text NULL,
    shipment_id uuid NULL,
    shipment_status text NULL,
    tracking_number text NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version integer NOT NULL
);

-- Listing pages walk seq (insertion order) newest first.
CREATE UNIQUE INDEX ux_orders_seq ON orders (seq);
CREATE INDEX ix_orders_customer ON orders (customer_id, seq);
CREATE INDEX ix_orders_status ON orders (status, seq);

CREATE TABLE fulfilment_sagas (
    order_id uuid PRIMARY KEY,
    status text NOT NULL,
    current_step text NOT NULL,
    attempts integer NOT NULL,
    last_error text NULL,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    next_attempt_at timestamptz NULL,
    cancel_requested boolean NOT NULL,
    stock_held boolean NOT NULL,
    payment_held boolean NOT NULL,
    shipment_held boolean NOT NULL,
    outcome text NULL,
    version integer NOT NULL
);

CREATE INDEX ix_sagas_status ON fulfilment_sagas (status, updated_at, order_id);
