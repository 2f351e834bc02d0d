-- Webhooks (issue 16 point 5, ADR 0017): subscriptions per API key, the order events recorded with the order change
-- that caused them, and one due row per (subscription, event) that the sender claims with a lease.
CREATE TABLE webhook_subscriptions (
    id uuid PRIMARY KEY,
    owner text NOT NULL,
    url text NOT NULL,
    secret text NOT NULL,
    event_types text[] NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX ix_webhook_subscriptions_owner ON webhook_subscriptions (owner);

CREATE TABLE webhook_events (
    id uuid PRIMARY KEY,
    sequence bigint GENERATED ALWAYS AS IDENTITY,
    order_id uuid NOT NULL,
    type text NOT NULL,
    payload text NOT NULL,
    occurred_at timestamptz NOT NULL,
    fanned_out_at timestamptz NULL,
    trace_parent text NULL,
    correlation_id text NULL
);

CREATE INDEX ix_webhook_events_order ON webhook_events (order_id, sequence);

CREATE TABLE webhook_deliveries (
    id uuid PRIMARY KEY,
    sequence bigint GENERATED ALWAYS AS IDENTITY,
    subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES webhook_events (id),
    order_id uuid NOT NULL,
    event_sequence bigint NOT NULL,
    event_type text NOT NULL,
    status text NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamptz NULL,
    lease_id uuid NULL,
    lease_expires_at timestamptz NULL,
    last_status_code integer NULL,
    last_duration_ms double precision NULL,
    last_error text NULL,
    last_attempt_at timestamptz NULL,
    delivered_at timestamptz NULL,
    created_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_webhook_deliveries_subscription_event ON webhook_deliveries (subscription_id, event_id);
CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, sequence);
CREATE INDEX ix_webhook_deliveries_event ON webhook_deliveries (event_id);
CREATE INDEX ix_webhook_deliveries_order ON webhook_deliveries (subscription_id, order_id, event_sequence);
-- The sender's claim: only undelivered rows, by due time (the raw SQL of DeliveryClaims, not the model's).
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'Pending';
