-- Returns (issue 16 point 2, ADR 0020): one row per return whose units went back on hand, so a second RestockReturn
-- for the same return adds nothing.
CREATE TABLE return_restocks (
    return_id uuid PRIMARY KEY,
    order_id uuid NOT NULL,
    units integer NOT NULL,
    created_at timestamptz NOT NULL
);
