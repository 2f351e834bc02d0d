-- Capture and void leave the message delivery too (docs/adr/0013): their delivery records the provider call that is
-- due (call: Capture or Void, call_due_at) and commits; the worker claims it with the same lease as an authorization
-- attempt (lease_id, lease_expires_at), makes the call and applies the answer. call_attempts counts that call's
-- attempts; attempts stays the authorization's. faulted with a call set: the call failed unexpectedly or ran out of
-- attempts and waits for its CapturePayment/VoidPayment message to run again (retried, then dead-lettered).
-- Hosts of the previous version never claim these rows (they look at attempt_due_at only).
ALTER TABLE payments
    ADD COLUMN call text NULL,
    ADD COLUMN call_due_at timestamptz NULL,
    ADD COLUMN call_attempts integer NOT NULL DEFAULT 0;

CREATE INDEX ix_payments_call_due ON payments (call_due_at) WHERE call_due_at IS NOT NULL;
