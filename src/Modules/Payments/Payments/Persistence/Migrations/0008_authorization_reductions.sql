-- Line cancellations (issue 16 point 3, docs/adr/0021): a cancellation lowers the payment's authorized amount
-- (payments.amount) by the cancelled units' money, once per cancellation (the primary key).
CREATE TABLE authorization_reductions (
    cancellation_id uuid PRIMARY KEY,
    payment_id uuid NOT NULL,
    amount numeric(14,2) NOT NULL,
    reduced_at timestamptz NOT NULL,
    CONSTRAINT ck_authorization_reductions_amount CHECK (amount > 0)
);

CREATE INDEX ix_authorization_reductions_payment ON authorization_reductions (payment_id);
