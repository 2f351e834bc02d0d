-- The pending deadline's outbox row, withdrawn when the saga moves on so stale deadlines are never delivered.
ALTER TABLE fulfilment_sagas ADD COLUMN deadline_delivery_id uuid NULL;
