-- Sources of every kind: options per source (stage words of a CRM, product aliases).
ALTER TABLE source ADD COLUMN options jsonb NOT NULL DEFAULT '{}';
ALTER TABLE source DROP CONSTRAINT IF EXISTS source_kind_check;

-- CRM deals, one row per deal of a source: a newer file replaces the older values (latest file wins).
CREATE TABLE deal (
    tenant_id   bigint NOT NULL REFERENCES tenant (id),
    source_id   bigint NOT NULL REFERENCES source (id),
    deal_id     text   NOT NULL,
    stage       text   NOT NULL,
    status      text   NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    owner       text   NOT NULL DEFAULT '',
    account     text,
    product     text   NOT NULL DEFAULT '',
    engaged_on  date,
    closed_on   date,
    value_e2    bigint NOT NULL DEFAULT 0,
    currency    text,
    file_id     bigint NOT NULL,
    run_id      bigint NOT NULL,
    PRIMARY KEY (tenant_id, source_id, deal_id)
);

-- Ad platform performance per day, campaign and ad; spend and conversion value in cents, rounded once at ingestion.
CREATE TABLE ad_day (
    tenant_id    bigint NOT NULL REFERENCES tenant (id),
    source_id    bigint NOT NULL REFERENCES source (id),
    day          date   NOT NULL,
    platform     text   NOT NULL,
    campaign     text   NOT NULL,
    ad_set       text   NOT NULL,
    ad           text   NOT NULL,
    impressions  bigint NOT NULL,
    clicks       bigint NOT NULL,
    spend_e2     bigint NOT NULL,
    conversions  bigint NOT NULL,
    conversion_value_e2 bigint NOT NULL,
    file_id      bigint NOT NULL,
    run_id       bigint NOT NULL,
    PRIMARY KEY (tenant_id, source_id, day, platform, campaign, ad_set, ad)
);

-- Products: name, category and unit cost from a products source; aliases map other spellings to the sku.
ALTER TABLE product ADD COLUMN name text, ADD COLUMN category text, ADD COLUMN unit_cost_e4 bigint;
CREATE TABLE product_alias (
    tenant_id bigint NOT NULL REFERENCES tenant (id),
    alias     text   COLLATE "C" NOT NULL,
    sku       text   COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, alias)
);

-- Stock snapshots: units on hand, on order and the reorder level of a sku on a date.
CREATE TABLE stock_snapshot (
    tenant_id     bigint NOT NULL REFERENCES tenant (id),
    source_id     bigint NOT NULL REFERENCES source (id),
    snapshot_date date   NOT NULL,
    sku           text   COLLATE "C" NOT NULL,
    on_hand       bigint NOT NULL,
    on_order      bigint NOT NULL,
    reorder_level bigint NOT NULL,
    file_id       bigint NOT NULL,
    run_id        bigint NOT NULL,
    PRIMARY KEY (tenant_id, source_id, snapshot_date, sku)
);

-- Pre-aggregates of the new kinds, rebuilt by the run that changes their facts.
CREATE TABLE deal_month (
    tenant_id      bigint NOT NULL,
    month          date   NOT NULL,
    owner          text   COLLATE "C" NOT NULL,
    product        text   COLLATE "C" NOT NULL,
    won_value_e2   bigint NOT NULL,
    won            bigint NOT NULL,
    lost           bigint NOT NULL,
    cycle_days_sum bigint NOT NULL,
    cycle_deals    bigint NOT NULL,
    PRIMARY KEY (tenant_id, month, owner, product)
);
CREATE TABLE deal_open (
    tenant_id bigint NOT NULL,
    stage     text   COLLATE "C" NOT NULL,
    owner     text   COLLATE "C" NOT NULL,
    product   text   COLLATE "C" NOT NULL,
    deals     bigint NOT NULL,
    value_e2  bigint NOT NULL,
    PRIMARY KEY (tenant_id, stage, owner, product)
);
CREATE TABLE ad_campaign_day (
    tenant_id    bigint NOT NULL,
    day          date   NOT NULL,
    platform     text   COLLATE "C" NOT NULL,
    campaign     text   COLLATE "C" NOT NULL,
    impressions  bigint NOT NULL,
    clicks       bigint NOT NULL,
    spend_e2     bigint NOT NULL,
    conversions  bigint NOT NULL,
    conversion_value_e2 bigint NOT NULL,
    PRIMARY KEY (tenant_id, day, platform, campaign)
);
CREATE TABLE stock_level (
    tenant_id     bigint NOT NULL,
    sku           text   COLLATE "C" NOT NULL,
    snapshot_date date   NOT NULL,
    name          text,
    category      text   COLLATE "C" NOT NULL,
    on_hand       bigint NOT NULL,
    on_order      bigint NOT NULL,
    reorder_level bigint NOT NULL,
    units_28d_e3  bigint NOT NULL,
    PRIMARY KEY (tenant_id, sku)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['deal', 'ad_day', 'product_alias', 'stock_snapshot', 'deal_month', 'deal_open',
                             'ad_campaign_day', 'stock_level']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I TO phare_tenant '
                       'USING (tenant_id = nullif(current_setting(''phare.tenant_id'', true), '''')::bigint) '
                       'WITH CHECK (tenant_id = nullif(current_setting(''phare.tenant_id'', true), '''')::bigint)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO phare_tenant', t);
    END LOOP;
END
$$;

-- The data-quality report of every run, per file: lines read, loaded, rejected (by reason), duplicates, the share of
-- empty values per mapped field, values outside expectations, the header and its drift against the source's last one.
CREATE TABLE run_quality (
    tenant_id          bigint NOT NULL REFERENCES tenant (id),
    run_id             bigint NOT NULL REFERENCES pipeline_run (id),
    source_id          bigint NOT NULL REFERENCES source (id),
    file_id            bigint NOT NULL REFERENCES source_file (id),
    lines_read         bigint NOT NULL,
    loaded             bigint NOT NULL,
    rejected           bigint NOT NULL,
    duplicates         bigint NOT NULL,
    rejected_by_reason jsonb  NOT NULL,
    null_rates         jsonb  NOT NULL,
    checks             jsonb  NOT NULL,
    header             text[] NOT NULL,
    drift              jsonb  NOT NULL,
    error              text,
    PRIMARY KEY (run_id, file_id)
);
CREATE INDEX run_quality_source_idx ON run_quality (tenant_id, source_id, run_id DESC);
ALTER TABLE run_quality ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON run_quality TO phare_tenant
    USING (tenant_id = nullif(current_setting('phare.tenant_id', true), '')::bigint)
    WITH CHECK (tenant_id = nullif(current_setting('phare.tenant_id', true), '')::bigint);
GRANT SELECT, INSERT, UPDATE, DELETE ON run_quality TO phare_tenant;

-- Pull sources: a REST endpoint instead of uploads. Its settings (headers apart), its secret headers (encrypted), the
-- cursor of the last successful pull; each pull is kept as a file with the cursor it reached.
ALTER TABLE source ADD COLUMN pull jsonb, ADD COLUMN pull_secrets text, ADD COLUMN pull_cursor text;
ALTER TABLE source_file ADD COLUMN pull_cursor text;
