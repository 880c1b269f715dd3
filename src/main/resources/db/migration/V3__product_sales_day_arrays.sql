-- Sales by product and day, one row per tenant and day holding that day's products as parallel arrays (in product
-- order). A day has hundreds of products, and a row per product made the nightly write of this table cost more than
-- all the other aggregates together; a row per day costs one tuple, and reads unnest only the days they need.
-- The view product_sales_day keeps the row-per-product shape for readers.
CREATE TABLE product_sales_by_day (
    tenant_id      bigint   NOT NULL,
    day            date     NOT NULL,
    products       text[]   COLLATE "C" NOT NULL,
    net_revenue_e7 bigint[] NOT NULL,
    returns_e7     bigint[] NOT NULL,
    orders         bigint[] NOT NULL,
    customers      bigint[] NOT NULL,
    units_e3       bigint[] NOT NULL,
    PRIMARY KEY (tenant_id, day)
);
-- stored out of line without compression: compressing numbers costs more time at night than it saves
ALTER TABLE product_sales_by_day
    ALTER products SET STORAGE EXTERNAL, ALTER net_revenue_e7 SET STORAGE EXTERNAL,
    ALTER returns_e7 SET STORAGE EXTERNAL, ALTER orders SET STORAGE EXTERNAL,
    ALTER customers SET STORAGE EXTERNAL, ALTER units_e3 SET STORAGE EXTERNAL;

INSERT INTO product_sales_by_day
SELECT tenant_id, day, array_agg(product ORDER BY product), array_agg(net_revenue_e7 ORDER BY product),
       array_agg(returns_e7 ORDER BY product), array_agg(orders ORDER BY product),
       array_agg(customers ORDER BY product), array_agg(units_e3 ORDER BY product)
FROM product_sales_day GROUP BY tenant_id, day;

DROP TABLE product_sales_day;

ALTER TABLE product_sales_by_day ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON product_sales_by_day TO phare_tenant
    USING (tenant_id = nullif(current_setting('phare.tenant_id', true), '')::bigint)
    WITH CHECK (tenant_id = nullif(current_setting('phare.tenant_id', true), '')::bigint);

CREATE VIEW product_sales_day WITH (security_invoker = true) AS
SELECT d.tenant_id, d.day, p.product, p.net_revenue_e7, p.returns_e7, p.orders, p.customers, p.units_e3
FROM product_sales_by_day d
CROSS JOIN LATERAL unnest(d.products, d.net_revenue_e7, d.returns_e7, d.orders, d.customers, d.units_e3)
    AS p (product, net_revenue_e7, returns_e7, orders, customers, units_e3);

GRANT SELECT, INSERT, UPDATE, DELETE ON product_sales_by_day TO phare_tenant;
GRANT SELECT ON product_sales_day TO phare_tenant;
