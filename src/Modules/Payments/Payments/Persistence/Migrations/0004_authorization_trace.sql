-- The authorization worker calls the provider outside the message delivery (docs/adr/0013): the payment keeps the
-- trace parent (W3C traceparent) and correlation id of the AuthorizePayment message, so the call and the
-- PaymentAuthorized/Declined/Failed it publishes stay in the order's trace. Rows of earlier payments keep NULL: their
-- next call starts a new trace.
ALTER TABLE payments
    ADD COLUMN trace_parent text NULL,
    ADD COLUMN correlation_id text NULL;
