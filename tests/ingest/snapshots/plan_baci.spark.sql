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
        AND NOT (
          ABS(v) = CAST('Infinity' AS DOUBLE)
        )
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
        AND COALESCE(TRIM(CAST(s.year_r AS STRING)), '') = ''
        THEN STRUCT(
          'empty' AS code,
          'year' AS field,
          CAST(COALESCE(TRIM(CAST(s.year_r AS STRING)), '') AS STRING) AS value,
          CAST('empty year' AS STRING) AS reason
        )
        WHEN (
          y IS NULL OR NOT y BETWEEN 1900 AND 2100
        )
        THEN STRUCT(
          'not_a_year' AS code,
          'year' AS field,
          CAST(COALESCE(TRIM(CAST(s.year_r AS STRING)), '') AS STRING) AS value,
          CAST('year \'' || COALESCE(TRIM(CAST(s.year_r AS STRING)), '') || '\'' || ' is not a year' AS STRING) AS reason
        )
        WHEN NOT s.month_r IS NULL
        AND (
          mo IS NULL OR NOT mo BETWEEN 1 AND 12
        )
        AND COALESCE(TRIM(CAST(s.month_r AS STRING)), '') <> ''
        THEN STRUCT(
          'not_a_month' AS code,
          'month' AS field,
          CAST(COALESCE(TRIM(CAST(s.month_r AS STRING)), '') AS STRING) AS value,
          CAST('month \'' || COALESCE(TRIM(CAST(s.month_r AS STRING)), '') || '\'' || ' is outside 1-12' AS STRING) AS reason
        )
        WHEN (
          rc.iso3 IS NULL OR rc.kind = 'aggregate'
        )
        AND COALESCE(TRIM(CAST(s.reporter_r AS STRING)), '') = ''
        THEN STRUCT(
          'empty' AS code,
          'reporter' AS field,
          CAST(COALESCE(TRIM(CAST(s.reporter_r AS STRING)), '') AS STRING) AS value,
          CAST('empty reporter' AS STRING) AS reason
        )
        WHEN (
          rc.iso3 IS NULL OR rc.kind = 'aggregate'
        ) AND rc.kind = 'aggregate'
        THEN STRUCT(
          'aggregate' AS code,
          'reporter' AS field,
          CAST(COALESCE(TRIM(CAST(s.reporter_r AS STRING)), '') AS STRING) AS value,
          CAST('reporter \'' || COALESCE(TRIM(CAST(s.reporter_r AS STRING)), '') || '\'' || ' is an aggregate, not a reporter' AS STRING) AS reason
        )
        WHEN (
          rc.iso3 IS NULL OR rc.kind = 'aggregate'
        )
        THEN STRUCT(
          'unknown_country' AS code,
          'reporter' AS field,
          CAST(COALESCE(TRIM(CAST(s.reporter_r AS STRING)), '') AS STRING) AS value,
          CAST('unknown ' || 'reporter \'' || COALESCE(TRIM(CAST(s.reporter_r AS STRING)), '') || '\'' AS STRING) AS reason
        )
        WHEN (
          pc.iso3 IS NULL OR pc.kind = 'subdivision'
        )
        AND COALESCE(TRIM(CAST(s.partner_r AS STRING)), '') = ''
        THEN STRUCT(
          'empty' AS code,
          'partner' AS field,
          CAST(COALESCE(TRIM(CAST(s.partner_r AS STRING)), '') AS STRING) AS value,
          CAST('empty partner' AS STRING) AS reason
        )
        WHEN (
          pc.iso3 IS NULL OR pc.kind = 'subdivision'
        ) AND pc.kind = 'subdivision'
        THEN STRUCT(
          'subdivision' AS code,
          'partner' AS field,
          CAST(COALESCE(TRIM(CAST(s.partner_r AS STRING)), '') AS STRING) AS value,
          CAST('partner \'' || COALESCE(TRIM(CAST(s.partner_r AS STRING)), '') || '\'' || ' is a subdivision; partners are countries' AS STRING) AS reason
        )
        WHEN (
          pc.iso3 IS NULL OR pc.kind = 'subdivision'
        )
        THEN STRUCT(
          'unknown_country' AS code,
          'partner' AS field,
          CAST(COALESCE(TRIM(CAST(s.partner_r AS STRING)), '') AS STRING) AS value,
          CAST('unknown ' || 'partner \'' || COALESCE(TRIM(CAST(s.partner_r AS STRING)), '') || '\'' AS STRING) AS reason
        )
        WHEN rc.iso3 <> rc.country AND rc.country = pc.country
        THEN STRUCT(
          'domestic' AS code,
          'partner' AS field,
          CAST(COALESCE(TRIM(CAST(s.partner_r AS STRING)), '') AS STRING) AS value,
          CAST('reporter \'' || COALESCE(TRIM(CAST(s.reporter_r AS STRING)), '') || '\'' || ' is a region of ' || 'partner \'' || COALESCE(TRIM(CAST(s.partner_r AS STRING)), '') || '\'' || ': trade within a country is not foreign trade' AS STRING) AS reason
        )
        WHEN fl.flow IS NULL
        THEN STRUCT(
          'unknown_flow' AS code,
          'flow' AS field,
          CAST(COALESCE(TRIM(CAST(s.flow_r AS STRING)), '') AS STRING) AS value,
          CAST('unknown ' || 'flow \'' || COALESCE(TRIM(CAST(s.flow_r AS STRING)), '') || '\'' AS STRING) AS reason
        )
        WHEN s.family IS NULL
        THEN STRUCT(
          'unknown_classification' AS code,
          'classification' AS field,
          CAST(COALESCE(TRIM(CAST(s.classification_r AS STRING)), '') AS STRING) AS value,
          CAST('unknown ' || 'classification \'' || COALESCE(TRIM(CAST(s.classification_r AS STRING)), '') || '\'' AS STRING) AS reason
        )
        WHEN NOT s.format_refusal IS NULL
        THEN s.format_refusal
        WHEN product IS NULL AND s.family = 'ebops' AND NOT s.services_reason IS NULL
        THEN STRUCT(
          'services_item' AS code,
          'product' AS field,
          CAST(COALESCE(TRIM(CAST(s.product_r AS STRING)), '') AS STRING) AS value,
          CAST(s.services_reason AS STRING) AS reason
        )
        WHEN product IS NULL
        THEN STRUCT(
          'not_a_code' AS code,
          'product' AS field,
          CAST(COALESCE(TRIM(CAST(s.product_r AS STRING)), '') AS STRING) AS value,
          CAST('product \'' || COALESCE(TRIM(CAST(s.product_r AS STRING)), '') || '\'' || ' is not a ' || s.class_t || ' code' AS STRING) AS reason
        )
        WHEN (
          v IS NULL OR v < 0 OR (
            ABS(v) = CAST('Infinity' AS DOUBLE)
          ) OR ISNAN(v)
        )
        AND COALESCE(TRIM(CAST(s.value_r AS STRING)), '') = ''
        THEN STRUCT(
          'empty' AS code,
          'value_usd' AS field,
          CAST(COALESCE(TRIM(CAST(s.value_r AS STRING)), '') AS STRING) AS value,
          CAST('empty value' AS STRING) AS reason
        )
        WHEN v IS NULL
        THEN STRUCT(
          'not_a_number' AS code,
          'value_usd' AS field,
          CAST(COALESCE(TRIM(CAST(s.value_r AS STRING)), '') AS STRING) AS value,
          CAST('value \'' || COALESCE(TRIM(CAST(s.value_r AS STRING)), '') || '\'' || ' is not a number' AS STRING) AS reason
        )
        WHEN v < 0
        THEN STRUCT(
          'negative' AS code,
          'value_usd' AS field,
          CAST(COALESCE(TRIM(CAST(s.value_r AS STRING)), '') AS STRING) AS value,
          CAST('negative value ' || COALESCE(TRIM(CAST(s.value_r AS STRING)), '') AS STRING) AS reason
        )
        WHEN (
          v IS NULL OR v < 0 OR (
            ABS(v) = CAST('Infinity' AS DOUBLE)
          ) OR ISNAN(v)
        )
        THEN STRUCT(
          'not_finite' AS code,
          'value_usd' AS field,
          CAST(COALESCE(TRIM(CAST(s.value_r AS STRING)), '') AS STRING) AS value,
          CAST('value \'' || COALESCE(TRIM(CAST(s.value_r AS STRING)), '') || '\'' || ' is not finite' AS STRING) AS reason
        )
        WHEN q IS NULL
        AND NOT s.quantity_r IS NULL
        AND NOT (
          (
            TRY_CAST(s.quantity_r AS DOUBLE) IS NULL
            OR ISNAN(TRY_CAST(s.quantity_r AS DOUBLE))
          )
          AND UPPER(COALESCE(TRIM(CAST(s.quantity_r AS STRING)), '')) IN ('', 'NA', 'N/A', 'NAN')
        )
        THEN STRUCT(
          'not_a_number' AS code,
          'quantity' AS field,
          CAST(COALESCE(TRIM(CAST(s.quantity_r AS STRING)), '') AS STRING) AS value,
          CAST('quantity \'' || COALESCE(TRIM(CAST(s.quantity_r AS STRING)), '') || '\'' || ' is not a number' AS STRING) AS reason
        )
      END
    END AS refusal
  FROM (
    SELECT
      *,
      CASE
        WHEN UPPER(p) = 'TOTAL'
        THEN 'TOTAL'
        WHEN cl.family = 'hs' AND LENGTH(p) = 6 AND p RLIKE '^(?:[0-9]{6})$'
        THEN p
        WHEN cl.family = 'hs' AND p RLIKE '^(?:[0-9]{1,10})$'
        THEN LEFT(CASE WHEN LENGTH(p) % 2 = 1 THEN '0' || p ELSE p END, 6)
        WHEN cl.family = 'sitc' AND p RLIKE '^(?:[0-9]{1,5})$'
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
            AND UPPER(COALESCE(TRIM(CAST(quantity_r AS STRING)), '')) IN ('', 'NA', 'N/A', 'NAN')
          )
          THEN TRY_CAST(quantity_r AS DOUBLE)
        END AS q,
        NULLIF(TRIM(CAST(unit_r AS STRING)), '') AS unit,
        NULLIF(TRIM(CAST(firm_r AS STRING)), '') AS firm,
        UPPER(COALESCE(TRIM(CAST(classification_r AS STRING)), '')) AS class_t,
        CASE
          WHEN CAST(product_r AS STRING) RLIKE '^(?:[0-9]{1,10})$'
          THEN CAST(product_r AS STRING)
          ELSE REPLACE(REPLACE(COALESCE(TRIM(CAST(product_r AS STRING)), ''), '.', ''), ' ', '')
        END AS p,
        CAST(NULL AS STRING) AS services_product,
        CAST(NULL AS STRING) AS services_reason
      FROM (
        SELECT
          NULL AS row,
          `src`.`t` AS `year_r`,
          NULL AS `month_r`,
          `src`.`i` AS `reporter_r`,
          `src`.`j` AS `partner_r`,
          'export' AS `flow_r`,
          'HS92' AS `classification_r`,
          `src`.`k` AS `product_r`,
          `src`.`v` AS `value_r`,
          `src`.`q` AS `quantity_r`,
          CASE
            WHEN NOT (
              (
                TRY_CAST(`src`.`q` AS DOUBLE) IS NULL OR ISNAN(TRY_CAST(`src`.`q` AS DOUBLE))
              )
              AND UPPER(COALESCE(TRIM(CAST(`src`.`q` AS STRING)), '')) IN ('', 'NA', 'N/A', 'NAN')
            )
            THEN 't'
          END AS `unit_r`,
          NULL AS `firm_r`,
          NULL AS format_refusal,
          NULL AS record_r
        FROM `raw` AS `src`
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
    ON fl.code = LOWER(COALESCE(TRIM(CAST(s.flow_r AS STRING)), ''))
)
