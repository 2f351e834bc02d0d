-- The saga as one state machine (SagaDefinition, ADR 0015). Each row keeps the version of the definition that started
-- it (1: every row written before this migration). Version 1 rows are mapped here, in the migration's transaction:
--   state          from status + current_step: a step is a substate of Running (forward) or Compensating (giving back)
--   completed_steps from the held flags: a forward step that holds something has completed and is not yet undone
-- The concurrency token is PostgreSQL's xmin from now on, so the hand-kept version counter goes.
ALTER TABLE fulfilment_sagas ADD COLUMN definition_version integer NOT NULL DEFAULT 1;
ALTER TABLE fulfilment_sagas ADD COLUMN state text NULL;
ALTER TABLE fulfilment_sagas ADD COLUMN completed_steps text[] NOT NULL DEFAULT '{}';

UPDATE fulfilment_sagas SET
    state = CASE
        WHEN status = 'Running' THEN CASE current_step
            WHEN 'ReserveStock' THEN 'ReservingStock'
            WHEN 'AuthorizePayment' THEN 'AuthorizingPayment'
            WHEN 'CreateShipment' THEN 'CreatingShipment'
            ELSE 'Running' END
        WHEN status = 'Compensating' THEN CASE current_step
            WHEN 'CancelShipment' THEN 'CancellingShipment'
            WHEN 'VoidPayment' THEN 'VoidingPayment'
            WHEN 'ReleaseStock' THEN 'ReleasingStock'
            ELSE 'Compensating' END
        ELSE status END,
    completed_steps = array_remove(ARRAY[
        CASE WHEN stock_held THEN 'ReserveStock' END,
        CASE WHEN payment_held THEN 'AuthorizePayment' END,
        CASE WHEN shipment_held THEN 'CreateShipment' END], NULL);

ALTER TABLE fulfilment_sagas ALTER COLUMN state SET NOT NULL;
ALTER TABLE fulfilment_sagas DROP COLUMN stock_held, DROP COLUMN payment_held, DROP COLUMN shipment_held, DROP COLUMN version;
