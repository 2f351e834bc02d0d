-- Partial shipments (docs/adr/0019): each shipment's units leave on-hand stock when it is dispatched, once per
-- shipment. shipment_id NULL: the rest of the reservation, committed by a CommitStock that named no shipment (an
-- order shipped in one parcel, as before). Reservations committed before this migration have no row: they are
-- Committed, which the handler checks first.
CREATE TABLE stock_commits (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL,
    shipment_id uuid NULL,
    lines jsonb NOT NULL,
    committed_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_stock_commits_order_shipment ON stock_commits (order_id, shipment_id) NULLS NOT DISTINCT;
