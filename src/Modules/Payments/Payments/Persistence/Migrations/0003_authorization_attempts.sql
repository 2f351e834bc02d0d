-- Provider calls leave the message delivery (docs/adr/0013): a payment carries when its next authorization attempt is
-- due and which worker holds the call (a lease, compared with the database's now()). faulted: the provider failed with
-- an unexpected error; the payment waits for its AuthorizePayment message to be redelivered or replayed.
-- Payments that are Pending when this runs have a RetryAuthorization message scheduled, which makes them due.
ALTER TABLE payments
    ADD COLUMN attempt_due_at timestamptz NULL,
    ADD COLUMN lease_id uuid NULL,
    ADD COLUMN lease_expires_at timestamptz NULL,
    ADD COLUMN faulted boolean NOT NULL DEFAULT false;

CREATE INDEX ix_payments_attempt_due ON payments (attempt_due_at) WHERE attempt_due_at IS NOT NULL;
