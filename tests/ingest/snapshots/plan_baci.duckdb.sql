SELECT
  row,
  y AS year,
  mo AS month,
  reporter,
  partner,
  flow,
  classification,
  product,
  v AS value_usd,
  q AS quantity,
  unit,
  firm,
  refusal.reason AS reason,
  refusal.code AS code,
  refusal.field AS field,
  refusal.value AS value,
  record
FROM (
  SELECT
    s.row,
    y,
    mo,
    rc.iso3 AS reporter,
    pc.iso3 AS partner,
    fl.flow,
    s.code AS classification,
    product,
    v,
    q,
    unit,
    firm,
    s.record_r AS record,
    CASE
      WHEN (
        y BETWEEN 1900 AND 2100
        AND (
          s.month_r IS NULL OR mo BETWEEN 1 AND 12
        )
        AND rc.kind <> 'aggregate'
        AND pc.kind <> 'subdivision'
        AND (
          rc.iso3 = rc.country OR rc.country <> pc.country
        )
        AND NOT fl.flow IS NULL
        AND NOT s.family IS NULL
        AND s.format_refusal IS NULL
        AND NOT product IS NULL
        AND v >= 0
        AND NOT ISINF(v)
        AND NOT ISNAN(v)
        AND (
          NOT q IS NULL OR s.quantity_r IS NULL
        )
      )
      THEN NULL
      ELSE CASE
        WHEN (
          y IS NULL OR NOT y BETWEEN 1900 AND 2100
        )
        AND COALESCE(TRIM(CAST(s.year_r AS TEXT)), '') = ''
        THEN {'code': 'empty', 'field': 'year', 'value': CAST(COALESCE(TRIM(CAST(s.year_r AS TEXT)), '') AS TEXT), 'reason': CAST('empty year' AS TEXT)}
        WHEN (
          y IS NULL OR NOT y BETWEEN 1900 AND 2100
        )
        THEN {'code': 'not_a_year', 'field': 'year', 'value': CAST(COALESCE(TRIM(CAST(s.year_r AS TEXT)), '') AS TEXT), 'reason': CAST('year ''' || COALESCE(TRIM(CAST(s.year_r AS TEXT)), '') || '''' || ' is not a year' AS TEXT)}
        WHEN NOT s.month_r IS NULL
        AND (
          mo IS NULL OR NOT mo BETWEEN 1 AND 12
        )
        AND COALESCE(TRIM(CAST(s.month_r AS TEXT)), '') <> ''
        THEN {'code': 'not_a_month', 'field': 'month', 'value': CAST(COALESCE(TRIM(CAST(s.month_r AS TEXT)), '') AS TEXT), 'reason': CAST('month ''' || COALESCE(TRIM(CAST(s.month_r AS TEXT)), '') || '''' || ' is outside 1-12' AS TEXT)}
        WHEN (
          rc.iso3 IS NULL OR rc.kind = 'aggregate'
        )
        AND COALESCE(TRIM(CAST(s.reporter_r AS TEXT)), '') = ''
        THEN {'code': 'empty', 'field': 'reporter', 'value': CAST(COALESCE(TRIM(CAST(s.reporter_r AS TEXT)), '') AS TEXT), 'reason': CAST('empty reporter' AS TEXT)}
        WHEN (
          rc.iso3 IS NULL OR rc.kind = 'aggregate'
        ) AND rc.kind = 'aggregate'
        THEN {'code': 'aggregate', 'field': 'reporter', 'value': CAST(COALESCE(TRIM(CAST(s.reporter_r AS TEXT)), '') AS TEXT), 'reason': CAST('reporter ''' || COALESCE(TRIM(CAST(s.reporter_r AS TEXT)), '') || '''' || ' is an aggregate, not a reporter' AS TEXT)}
        WHEN (
          rc.iso3 IS NULL OR rc.kind = 'aggregate'
        )
        THEN {'code': 'unknown_country', 'field': 'reporter', 'value': CAST(COALESCE(TRIM(CAST(s.reporter_r AS TEXT)), '') AS TEXT), 'reason': CAST('unknown ' || 'reporter ''' || COALESCE(TRIM(CAST(s.reporter_r AS TEXT)), '') || '''' AS TEXT)}
        WHEN (
          pc.iso3 IS NULL OR pc.kind = 'subdivision'
        )
        AND COALESCE(TRIM(CAST(s.partner_r AS TEXT)), '') = ''
        THEN {'code': 'empty', 'field': 'partner', 'value': CAST(COALESCE(TRIM(CAST(s.partner_r AS TEXT)), '') AS TEXT), 'reason': CAST('empty partner' AS TEXT)}
        WHEN (
          pc.iso3 IS NULL OR pc.kind = 'subdivision'
        ) AND pc.kind = 'subdivision'
        THEN {'code': 'subdivision', 'field': 'partner', 'value': CAST(COALESCE(TRIM(CAST(s.partner_r AS TEXT)), '') AS TEXT), 'reason': CAST('partner ''' || COALESCE(TRIM(CAST(s.partner_r AS TEXT)), '') || '''' || ' is a subdivision; partners are countries' AS TEXT)}
        WHEN (
          pc.iso3 IS NULL OR pc.kind = 'subdivision'
        )
        THEN {'code': 'unknown_country', 'field': 'partner', 'value': CAST(COALESCE(TRIM(CAST(s.partner_r AS TEXT)), '') AS TEXT), 'reason': CAST('unknown ' || 'partner ''' || COALESCE(TRIM(CAST(s.partner_r AS TEXT)), '') || '''' AS TEXT)}
        WHEN rc.iso3 <> rc.country AND rc.country = pc.country
        THEN {'code': 'domestic', 'field': 'partner', 'value': CAST(COALESCE(TRIM(CAST(s.partner_r AS TEXT)), '') AS TEXT), 'reason': CAST('reporter ''' || COALESCE(TRIM(CAST(s.reporter_r AS TEXT)), '') || '''' || ' is a region of ' || 'partner ''' || COALESCE(TRIM(CAST(s.partner_r AS TEXT)), '') || '''' || ': trade within a country is not foreign trade' AS TEXT)}
        WHEN fl.flow IS NULL
        THEN {'code': 'unknown_flow', 'field': 'flow', 'value': CAST(COALESCE(TRIM(CAST(s.flow_r AS TEXT)), '') AS TEXT), 'reason': CAST('unknown ' || 'flow ''' || COALESCE(TRIM(CAST(s.flow_r AS TEXT)), '') || '''' AS TEXT)}
        WHEN s.family IS NULL
        THEN {'code': 'unknown_classification', 'field': 'classification', 'value': CAST(COALESCE(TRIM(CAST(s.classification_r AS TEXT)), '') AS TEXT), 'reason': CAST('unknown ' || 'classification ''' || COALESCE(TRIM(CAST(s.classification_r AS TEXT)), '') || '''' AS TEXT)}
        WHEN NOT s.format_refusal IS NULL
        THEN s.format_refusal
        WHEN product IS NULL AND s.family = 'ebops' AND NOT s.services_reason IS NULL
        THEN {'code': 'services_item', 'field': 'product', 'value': CAST(COALESCE(TRIM(CAST(s.product_r AS TEXT)), '') AS TEXT), 'reason': CAST(s.services_reason AS TEXT)}
        WHEN product IS NULL
        THEN {'code': 'not_a_code', 'field': 'product', 'value': CAST(COALESCE(TRIM(CAST(s.product_r AS TEXT)), '') AS TEXT), 'reason': CAST('product ''' || COALESCE(TRIM(CAST(s.product_r AS TEXT)), '') || '''' || ' is not a ' || s.class_t || ' code' AS TEXT)}
        WHEN (
          v IS NULL OR v < 0 OR ISINF(v) OR ISNAN(v)
        )
        AND COALESCE(TRIM(CAST(s.value_r AS TEXT)), '') = ''
        THEN {'code': 'empty', 'field': 'value_usd', 'value': CAST(COALESCE(TRIM(CAST(s.value_r AS TEXT)), '') AS TEXT), 'reason': CAST('empty value' AS TEXT)}
        WHEN v IS NULL
        THEN {'code': 'not_a_number', 'field': 'value_usd', 'value': CAST(COALESCE(TRIM(CAST(s.value_r AS TEXT)), '') AS TEXT), 'reason': CAST('value ''' || COALESCE(TRIM(CAST(s.value_r AS TEXT)), '') || '''' || ' is not a number' AS TEXT)}
        WHEN v < 0
        THEN {'code': 'negative', 'field': 'value_usd', 'value': CAST(COALESCE(TRIM(CAST(s.value_r AS TEXT)), '') AS TEXT), 'reason': CAST('negative value ' || COALESCE(TRIM(CAST(s.value_r AS TEXT)), '') AS TEXT)}
        WHEN (
          v IS NULL OR v < 0 OR ISINF(v) OR ISNAN(v)
        )
        THEN {'code': 'not_finite', 'field': 'value_usd', 'value': CAST(COALESCE(TRIM(CAST(s.value_r AS TEXT)), '') AS TEXT), 'reason': CAST('value ''' || COALESCE(TRIM(CAST(s.value_r AS TEXT)), '') || '''' || ' is not finite' AS TEXT)}
        WHEN q IS NULL
        AND NOT s.quantity_r IS NULL
        AND NOT (
          (
            TRY_CAST(s.quantity_r AS DOUBLE) IS NULL
            OR ISNAN(TRY_CAST(s.quantity_r AS DOUBLE))
          )
          AND UPPER(COALESCE(TRIM(CAST(s.quantity_r AS TEXT)), '')) IN ('', 'NA', 'N/A', 'NAN')
        )
        THEN {'code': 'not_a_number', 'field': 'quantity', 'value': CAST(COALESCE(TRIM(CAST(s.quantity_r AS TEXT)), '') AS TEXT), 'reason': CAST('quantity ''' || COALESCE(TRIM(CAST(s.quantity_r AS TEXT)), '') || '''' || ' is not a number' AS TEXT)}
      END
    END AS refusal
  FROM (
    SELECT
      *,
      CASE
        WHEN UPPER(p) = 'TOTAL'
        THEN 'TOTAL'
        WHEN cl.family = 'hs' AND LENGTH(p) = 6 AND REGEXP_FULL_MATCH(p, '[0-9]{6}')
        THEN p
        WHEN cl.family = 'hs' AND REGEXP_FULL_MATCH(p, '[0-9]{1,10}')
        THEN LEFT(CASE WHEN LENGTH(p) % 2 = 1 THEN '0' || p ELSE p END, 6)
        WHEN cl.family = 'sitc' AND REGEXP_FULL_MATCH(p, '[0-9]{1,5}')
        THEN p
        WHEN cl.family = 'ebops'
        THEN services_product
      END AS product
    FROM (
      SELECT
        *,
        TRY_CAST(year_r AS SMALLINT) AS y,
        TRY_CAST(month_r AS TINYINT) AS mo,
        TRY_CAST(value_r AS DOUBLE) * 1000.0 AS v,
        CASE
          WHEN NOT (
            (
              TRY_CAST(quantity_r AS DOUBLE) IS NULL OR ISNAN(TRY_CAST(quantity_r AS DOUBLE))
            )
            AND UPPER(COALESCE(TRIM(CAST(quantity_r AS TEXT)), '')) IN ('', 'NA', 'N/A', 'NAN')
          )
          THEN TRY_CAST(quantity_r AS DOUBLE)
        END AS q,
        NULLIF(TRIM(CAST(unit_r AS TEXT)), '') AS unit,
        NULLIF(TRIM(CAST(firm_r AS TEXT)), '') AS firm,
        UPPER(COALESCE(TRIM(CAST(classification_r AS TEXT)), '')) AS class_t,
        CASE
          WHEN REGEXP_FULL_MATCH(CAST(product_r AS TEXT), '[0-9]{1,10}')
          THEN CAST(product_r AS TEXT)
          ELSE REPLACE(REPLACE(COALESCE(TRIM(CAST(product_r AS TEXT)), ''), '.', ''), ' ', '')
        END AS p,
        CAST(NULL AS TEXT) AS services_product,
        CAST(NULL AS TEXT) AS services_reason
      FROM (
        SELECT
          NULL AS row,
          "src"."t" AS "year_r",
          NULL AS "month_r",
          "src"."i" AS "reporter_r",
          "src"."j" AS "partner_r",
          'export' AS "flow_r",
          'HS92' AS "classification_r",
          "src"."k" AS "product_r",
          "src"."v" AS "value_r",
          "src"."q" AS "quantity_r",
          CASE
            WHEN NOT (
              (
                TRY_CAST("src"."q" AS DOUBLE) IS NULL OR ISNAN(TRY_CAST("src"."q" AS DOUBLE))
              )
              AND UPPER(COALESCE(TRIM(CAST("src"."q" AS TEXT)), '')) IN ('', 'NA', 'N/A', 'NAN')
            )
            THEN 't'
          END AS "unit_r",
          NULL AS "firm_r",
          NULL AS format_refusal,
          NULL AS record_r
        FROM "raw" AS "src"
      ) AS s1
    ) AS s2
    LEFT JOIN classification_codes AS cl
      ON cl.code = s2.class_t
  ) AS s
  LEFT JOIN cmap_int__ AS rc
    ON rc.code = s.reporter_r
  LEFT JOIN cmap_int__ AS pc
    ON pc.code = s.partner_r
  LEFT JOIN flow_codes AS fl
    ON fl.code = LOWER(COALESCE(TRIM(CAST(s.flow_r AS TEXT)), ''))
)
