CREATE TABLE outbox_messages (
    id uuid PRIMARY KEY,
    message_id uuid NOT NULL,
    consumer text NOT NULL,
    type text NOT NULL,
    payload jsonb NOT NULL,
    occurred_at timestamptz NOT NULL,
    available_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text NULL,
    correlation_id text NULL,
    trace_parent text NULL,
    dead_lettered_at timestamptz NULL
);

CREATE INDEX ix_outbox_messages_pending ON outbox_messages (available_at) WHERE dead_lettered_at IS NULL;
CREATE INDEX ix_outbox_messages_dead ON outbox_messages (dead_lettered_at, id) WHERE dead_lettered_at IS NOT NULL;

CREATE TABLE inbox_messages (
    message_id uuid NOT NULL,
    consumer text NOT NULL,
    handled_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
