-- When a delivery is deferred because another transaction held a row lock, available_at moves forward (try again
-- soon) but the message has been deliverable all along: due_since keeps the time it first became due, so the age that
-- readiness and oms.outbox.oldest_message.age report keeps growing while a module's messages are blocked. NULL means
-- "due since available_at" (never deferred, or rescheduled on purpose: a retry backoff, a replay).
ALTER TABLE outbox_messages ADD COLUMN due_since timestamptz NULL;

CREATE INDEX ix_outbox_messages_deferred ON outbox_messages (due_since) WHERE due_since IS NOT NULL AND dead_lettered_at IS NULL;
