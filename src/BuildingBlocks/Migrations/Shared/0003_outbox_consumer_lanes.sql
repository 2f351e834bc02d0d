-- Each consumer of an outbox has its own delivery lane (ADR 0014), which claims that consumer's due rows in the order
-- they became due: this index serves those claims and the poll that finds the lanes with due rows.
CREATE INDEX ix_outbox_messages_consumer_pending ON outbox_messages (consumer, available_at) WHERE dead_lettered_at IS NULL;
