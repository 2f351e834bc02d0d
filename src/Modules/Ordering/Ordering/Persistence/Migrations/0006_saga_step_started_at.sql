-- When the saga entered its current step, for the step duration metric (a retry of the step keeps it).
ALTER TABLE fulfilment_sagas ADD COLUMN step_started_at timestamptz NULL;
