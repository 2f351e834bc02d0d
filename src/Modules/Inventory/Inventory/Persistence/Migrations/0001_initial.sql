CREATE TABLE stock_items (
    sku text PRIMARY KEY,
    on_hand integer NOT NULL,
    reserved integer NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL,
    CONSTRAINT ck_stock_items_reserved CHECK (reserved >= 0 AND reserved <= on_hand)
);

CREATE TABLE reservations (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL,
    status text NOT NULL,
    lines jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_reservations_order ON reservations (order_id);
