-- numeric(12,2) overflowed for orders the API accepts (up to 100,000,000,000.00): amounts use the one money type,
-- numeric(14,2), as ordering.orders.total does (BuildingBlocks MoneyColumn).
ALTER TABLE payments ALTER COLUMN amount TYPE numeric(14,2);
