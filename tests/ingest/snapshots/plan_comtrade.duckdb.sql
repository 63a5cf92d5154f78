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
        TRY_CAST(value_r AS DOUBLE) * 1.0 AS v,
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
        END AS p
      FROM (
        SELECT
          NULL AS row,
          COALESCE(CAST("src"."refYear" AS TEXT), LEFT(TRIM(CAST("src"."period" AS TEXT)), 4)) AS "year_r",
          COALESCE(
            NULLIF(NULLIF(TRIM(CAST("src"."refMonth" AS TEXT)), '52'), '0'),
            CASE
              WHEN LENGTH(TRIM(CAST("src"."period" AS TEXT))) = 6
              THEN SUBSTRING(TRIM(CAST("src"."period" AS TEXT)), 5, 2)
            END
          ) AS "month_r",
          COALESCE(
            CASE NULLIF(TRIM(CAST("src"."reporterCode" AS TEXT)), '')
              WHEN '490'
              THEN 'S19'
              ELSE NULLIF(TRIM(CAST("src"."reporterCode" AS TEXT)), '')
            END,
            "src"."reporterCode"
          ) AS "reporter_r",
          COALESCE(
            CASE NULLIF(TRIM(CAST("src"."partnerCode" AS TEXT)), '')
              WHEN '490'
              THEN 'S19'
              ELSE NULLIF(TRIM(CAST("src"."partnerCode" AS TEXT)), '')
            END,
            "src"."partnerCode"
          ) AS "partner_r",
          CASE TRIM(CAST("src"."flowCode" AS TEXT))
            WHEN '1'
            THEN 'import'
            WHEN '2'
            THEN 'export'
            WHEN '3'
            THEN 're-export'
            WHEN '4'
            THEN 're-import'
            ELSE "src"."flowCode"
          END AS "flow_r",
          CASE UPPER(TRIM(CAST("src"."classificationCode" AS TEXT)))
            WHEN 'H0'
            THEN 'HS92'
            WHEN 'H1'
            THEN 'HS96'
            WHEN 'H2'
            THEN 'HS02'
            WHEN 'H3'
            THEN 'HS07'
            WHEN 'H4'
            THEN 'HS12'
            WHEN 'H5'
            THEN 'HS17'
            WHEN 'H6'
            THEN 'HS22'
            WHEN 'S1'
            THEN 'SITC1'
            WHEN 'S2'
            THEN 'SITC2'
            WHEN 'S3'
            THEN 'SITC3'
            WHEN 'S4'
            THEN 'SITC4'
            WHEN 'EB10'
            THEN 'EBOPS2010'
            WHEN 'EB10S'
            THEN 'EBOPS2010'
            WHEN 'EB02'
            THEN 'EBOPS2010'
            WHEN 'EB'
            THEN 'EBOPS2010'
            WHEN 'SS'
            THEN 'HS17'
            ELSE COALESCE(NULLIF(UPPER(TRIM(CAST("src"."classificationCode" AS TEXT))), ''), 'HS17')
          END AS "classification_r",
          "src"."cmdCode" AS "product_r",
          "src"."primaryValue" AS "value_r",
          COALESCE("src"."qty", "src"."netWgt") AS "quantity_r",
          CASE
            WHEN NOT NULLIF(TRIM(CAST("src"."qty" AS TEXT)), '') IS NULL
            THEN "src"."qtyUnitAbbr"
            WHEN NOT NULLIF(TRIM(CAST("src"."netWgt" AS TEXT)), '') IS NULL
            THEN 'kg'
          END AS "unit_r",
          NULL AS "firm_r",
          CASE
            WHEN UPPER(TRIM(CAST("src"."cmdCode" AS TEXT))) IN ('AG1', 'AG2', 'AG3', 'AG4', 'AG5', 'AG6', 'ALL')
            THEN {'code': 'aggregate_row', 'field': 'product', 'value': CAST(UPPER(TRIM(CAST("src"."cmdCode" AS TEXT))) AS TEXT), 'reason': CAST('aggregate row (cmdCode ' || UPPER(TRIM(CAST("src"."cmdCode" AS TEXT))) || '), not a product' AS TEXT)}
            WHEN COALESCE(NULLIF(TRIM(CAST("src"."motCode" AS TEXT)), ''), '0') <> '0'
            THEN {'code': 'breakdown', 'field': 'motCode', 'value': CAST(TRIM(CAST("src"."motCode" AS TEXT)) AS TEXT), 'reason': CAST('breakdown by motCode ' || TRIM(CAST("src"."motCode" AS TEXT)) || '; only the total over it (0) is loaded' AS TEXT)}
            WHEN COALESCE(NULLIF(TRIM(CAST("src"."mosCode" AS TEXT)), ''), '0') <> '0'
            THEN {'code': 'breakdown', 'field': 'mosCode', 'value': CAST(TRIM(CAST("src"."mosCode" AS TEXT)) AS TEXT), 'reason': CAST('breakdown by mosCode ' || TRIM(CAST("src"."mosCode" AS TEXT)) || '; only the total over it (0) is loaded' AS TEXT)}
            WHEN COALESCE(NULLIF(TRIM(CAST("src"."customsCode" AS TEXT)), ''), 'C00') <> 'C00'
            THEN {'code': 'breakdown', 'field': 'customsCode', 'value': CAST(TRIM(CAST("src"."customsCode" AS TEXT)) AS TEXT), 'reason': CAST('breakdown by customsCode ' || TRIM(CAST("src"."customsCode" AS TEXT)) || '; only the total over it (C00) is loaded' AS TEXT)}
            WHEN COALESCE(NULLIF(TRIM(CAST("src"."partner2Code" AS TEXT)), ''), '0') <> '0'
            THEN {'code': 'breakdown', 'field': 'partner2Code', 'value': CAST(TRIM(CAST("src"."partner2Code" AS TEXT)) AS TEXT), 'reason': CAST('breakdown by partner2Code ' || TRIM(CAST("src"."partner2Code" AS TEXT)) || '; only the total over it (0) is loaded' AS TEXT)}
          END AS format_refusal,
          NULL AS record_r
        FROM "raw" AS "src"
      ) AS s1
    ) AS s2
    LEFT JOIN classification_codes AS cl
      ON cl.code = s2.class_t
    LEFT JOIN services_codes__ AS sv
      ON sv.services_code = CASE WHEN cl.family = 'ebops' THEN UPPER(TRIM(CAST(s2.product_r AS TEXT))) END
  ) AS s
  LEFT JOIN cmap__ AS rc
    ON rc.key = CASE
      WHEN REGEXP_FULL_MATCH(TRIM(CAST(s.reporter_r AS TEXT)), '[0-9]+')
      THEN CAST(TRY_CAST(TRIM(CAST(s.reporter_r AS TEXT)) AS INT128) AS TEXT)
      ELSE LOWER(REGEXP_REPLACE(TRIM(CAST(s.reporter_r AS TEXT)), '\s+', ' ', 'g'))
    END
  LEFT JOIN cmap__ AS pc
    ON pc.key = CASE
      WHEN REGEXP_FULL_MATCH(TRIM(CAST(s.partner_r AS TEXT)), '[0-9]+')
      THEN CAST(TRY_CAST(TRIM(CAST(s.partner_r AS TEXT)) AS INT128) AS TEXT)
      ELSE LOWER(REGEXP_REPLACE(TRIM(CAST(s.partner_r AS TEXT)), '\s+', ' ', 'g'))
    END
  LEFT JOIN flow_codes AS fl
    ON fl.code = LOWER(COALESCE(TRIM(CAST(s.flow_r AS TEXT)), ''))
)
