// The hitex dashboard: filters -> /api calls -> headline, charts (Vega-Lite) and sortable tables.
// Every figure comes from the API; this script only lays them out. The URL holds the filters.
"use strict";

const $ = (id) => document.getElementById(id);
const FILTERS = ["reporter", "flow", "year", "compare", "months", "partner_group", "groups", "group"];
let META = null;
let COUNTRIES = [];

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.append(k, v);
  }
  return q.toString();
}

function fill(select, options, blank) {
  const keep = select.value;
  select.innerHTML = "";
  if (blank !== undefined) select.add(new Option(blank, ""));
  for (const o of options) {
    const [value, text] = Array.isArray(o) ? o : [o, o];
    select.add(new Option(text, value));
  }
  if (keep) choose(select, keep, false);
}

// Select `value`, adding it when the list lacks it (a shared link may name anything).
function choose(select, value, add = true) {
  if (value === null || value === undefined) return;
  if (![...select.options].some((o) => o.value === value)) {
    if (!add) return;
    select.add(new Option(value, value));
  }
  select.value = value;
}

function state() {
  const s = {};
  for (const k of FILTERS) {
    const v = $(k).value.trim();
    if (v) s[k] = v;
  }
  return s;
}

// -- formatting ------------------------------------------------------------------------------
const usd = (v) => {
  if (v === null || v === undefined) return "–";
  const a = Math.abs(v);
  const [d, u] = a >= 1e9 ? [1e9, "B"] : a >= 1e6 ? [1e6, "M"] : a >= 1e3 ? [1e3, "K"] : [1, ""];
  return (v < 0 ? "-$" : "$") + (a / d).toFixed(d === 1 ? 0 : 2) + u;
};
const pct = (v) => (v === null || v === undefined ? "–" : (v > 0 ? "+" : "") + v.toFixed(1) + "%");

function cell(column, v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (column.endsWith("_usd")) return Math.round(v).toLocaleString("en-US");
    if (column.endsWith("_pct") || column.endsWith("_pp")) return v.toFixed(1);
    if (column === "year" || column.endsWith("id")) return String(v);
    return v.toLocaleString("en-US", { maximumSignificantDigits: 6 });
  }
  return String(v);
}

function flowLabel(flow) {
  return { export: "Exports", import: "Imports", balance: "Balance" }[flow] || flow;
}

// -- tables ----------------------------------------------------------------------------------
function table(el, rows, columns) {
  el.innerHTML = "";
  if (!rows.length) {
    el.innerHTML = '<p class="empty">No records for this selection.</p>';
    return;
  }
  columns = columns || Object.keys(rows[0]);
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === "number"));
  columns.forEach((c, i) => {
    const th = document.createElement("th");
    th.textContent = c;
    th.dataset.column = c;
    if (numeric[i]) th.className = "num";
    th.addEventListener("click", () => sortBy(t, rows, columns, numeric, c));
    head.appendChild(th);
  });
  t.createTBody();
  body(t, rows, columns, numeric);
  el.appendChild(t);
}

function body(t, rows, columns, numeric) {
  const tb = t.tBodies[0];
  tb.innerHTML = "";
  for (const r of rows) {
    const tr = tb.insertRow();
    columns.forEach((c, i) => {
      const td = tr.insertCell();
      td.textContent = cell(c, r[c]);
      if (numeric[i]) td.className = "num";
      else if (c.endsWith("_name") || c === "description") td.className = "name";
    });
  }
}

function sortBy(t, rows, columns, numeric, column) {
  const th = [...t.tHead.rows[0].cells].find((h) => h.dataset.column === column);
  const order = th.getAttribute("aria-sort") === "descending" ? "ascending" : "descending";
  for (const h of t.tHead.rows[0].cells) h.removeAttribute("aria-sort");
  th.setAttribute("aria-sort", order);
  const sign = order === "ascending" ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const x = a[column], y = b[column];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (x < y ? -1 : 1) * sign;
  });
  body(t, sorted, columns, numeric);
}

// -- charts ----------------------------------------------------------------------------------
function draw(el, spec) {
  const full = Object.assign({ $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container", height: 240, config: { view: { stroke: null } } }, spec);
  return vegaEmbed(el, full, { actions: false, renderer: "svg" }).then(() => {
    el.dataset.rows = String((spec.data && spec.data.values) ? spec.data.values.length : 0);
  });
}

function bars(el, rows, code, label, title) {
  const values = rows.slice(0, 15).map((r) => ({
    label: [r[code], r[label]].filter((x) => x !== null && x !== undefined && x !== "").join(" ").slice(0, 42),
    value: r.value_usd,
  }));
  return draw(el, {
    data: { values },
    mark: { type: "bar", color: "#3b6ea8" },
    encoding: {
      y: { field: "label", type: "nominal", sort: "-x", title: null },
      x: { field: "value", type: "quantitative", title: title, axis: { format: ".3~s" } },
      tooltip: [{ field: "label", title: "" }, { field: "value", title: "US$", format: ",.0f" }],
    },
  });
}

function seriesChart(el, rows, title) {
  return draw(el, {
    data: { values: rows.map((r) => ({ year: String(r.year), value: r.value_usd })) },
    mark: { type: "bar", color: "#3b6ea8" },
    encoding: {
      x: { field: "year", type: "ordinal", title: null },
      y: { field: "value", type: "quantitative", title: title, axis: { format: ".3~s" } },
      tooltip: [{ field: "year" }, { field: "value", title: "US$", format: ",.0f" }],
    },
  });
}

function mapChart(el, partners) {
  const numeric = Object.fromEntries(COUNTRIES.map((c) => [c.iso3, c.numeric]));
  const values = partners
    .filter((r) => numeric[r.partner] && r.value_usd > 0)
    .map((r) => ({ id: numeric[r.partner], name: r.partner_name, value: r.value_usd }));
  const world = { url: "/static/vendor/countries-110m.json", format: { type: "topojson", feature: "countries" } };
  return draw(el, {
    data: { values },
    projection: { type: "equalEarth" },
    layer: [
      { data: world, mark: { type: "geoshape", fill: "#e3e6ea", stroke: "#fff", strokeWidth: 0.4 } },
      {
        data: world,
        transform: [{ lookup: "id", from: { data: { values }, key: "id", fields: ["name", "value"] } },
                    { filter: "datum.value != null" }],
        mark: { type: "geoshape", stroke: "#fff", strokeWidth: 0.4 },
        encoding: {
          color: { field: "value", type: "quantitative", title: "US$", scale: { scheme: "blues" },
                   legend: { format: ".3~s", orient: "bottom", gradientLength: 240 } },
          tooltip: [{ field: "name", title: "" }, { field: "value", title: "US$", format: ",.0f" }],
        },
      },
    ],
  });
}

// -- headline --------------------------------------------------------------------------------
function headline(total, partners, s) {
  const row = total[0] || {};
  const cards = [[`${flowLabel(s.flow)} ${s.year}`, usd(row.value_usd ?? 0), ""]];
  if (s.compare) {
    cards.push([`${flowLabel(s.flow)} ${s.compare}`, usd(row.base_value_usd ?? 0), ""]);
    const g = row.growth_pct;
    cards.push(["Growth", pct(g), g > 0 ? "up" : g < 0 ? "down" : ""]);
  }
  const active = partners.filter((r) => r.value_usd);
  cards.push(["Partners", String(active.length), ""]);
  if (active.length) {
    const top = active[0];
    cards.push(["Largest partner", `${top.partner_name || top.partner} ${top.share_pct.toFixed(1)}%`, ""]);
  }
  if (row.product_lines !== undefined && row.product_lines !== null) {
    cards.push(["Product lines", row.product_lines.toLocaleString("en-US"), ""]);
  }
  $("headline").innerHTML = "";
  for (const [label, value, cls] of cards) {
    const d = document.createElement("div");
    d.className = "card";
    d.innerHTML = '<div class="label"></div><div class="value"></div>';
    d.children[0].textContent = label;
    d.children[1].textContent = value;
    if (cls) d.children[1].classList.add(cls);
    $("headline").appendChild(d);
  }
}

// -- the view --------------------------------------------------------------------------------
function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

function reporterYears(code) {
  const r = META.reporters.find((x) => x.code === code);
  return r ? r.years : META.years;
}

function fillYears() {
  const years = [...reporterYears($("reporter").value)].reverse();
  const year = $("year").value, compare = $("compare").value;
  fill($("year"), years.map(String));
  fill($("compare"), years.map(String), "none");
  if (year) choose($("year"), year);
  if (compare) choose($("compare"), compare);
}

async function fillGroups() {
  const scheme = $("groups").value;
  if (!scheme) {
    fill($("group"), [], "all groups");
    return;
  }
  const rows = await getJSON("/api/groups?" + query({ scheme }));
  const seen = new Map(rows.map((r) => [r.group_code, r.group_name]));
  fill($("group"), [...seen].map(([code, name]) => [code, `${name} (${code})`]), "all groups");
}

let pending = 0;
async function refresh() {
  const s = state();
  history.replaceState(null, "", "?" + query(s));
  $("share").href = location.href;
  if (!s.reporter || !s.year) {
    showError(META.reporters.length ? "Choose a reporter and a year." :
      "The warehouse is empty: load a file below.");
    return;
  }
  const base = { reporter: s.reporter, flow: s.flow, months: s.months, partner_group: s.partner_group,
    groups: s.groups, group: s.group };
  const one = { ...base, year: s.year, compare: s.compare };
  const years = reporterYears(s.reporter);
  const span = years.length ? `${years[0]}-${years[years.length - 1]}` : s.year;
  const byProduct = s.groups ? "group" : "product";
  const urls = {
    total: "/api/table?" + query({ ...one, indicators: s.flow === "balance" ? "" : "product_lines" }),
    partners: "/api/table?" + query({ ...one, by: "partner" }),
    products: "/api/table?" + query({ ...one, by: byProduct, top: s.groups ? "" : 50 }),
    series: "/api/series?" + query({ ...base, years: span }),
  };
  $("csv-partners").href = urls.partners + "&format=csv";
  $("csv-products").href = urls.products + "&format=csv";
  $("csv-series").href = urls.series + "&format=csv";
  $("products-title").textContent = s.groups ? `Groups of ${s.groups}` : "Largest products";
  $("products-caption").textContent = s.groups ? `By ${s.groups} group` : "Largest products";
  const mine = ++pending;
  let answers;
  try {
    answers = await Promise.all(Object.values(urls).map(getJSON));
  } catch (e) {
    if (mine === pending) showError(e.message);
    return;
  }
  if (mine !== pending) return; // a newer view was asked for meanwhile
  showError("");
  const [total, partners, products, series] = answers;
  const label = `${flowLabel(s.flow)}, US$`;
  headline(total, partners, s);
  table($("table-partners"), partners);
  table($("table-products"), products);
  table($("table-series"), series);
  await Promise.all([
    seriesChart($("chart-series"), series, label),
    bars($("chart-partners"), partners, "partner", "partner_name", label),
    bars($("chart-products"), products, s.groups ? "group" : "product", s.groups ? "group_name" : "product_name", label),
    mapChart($("chart-map"), partners),
  ]);
  document.body.dataset.view = query(s);
}

async function loadsTable() {
  const rows = await getJSON("/api/loads");
  const columns = ["id", "file", "format", "rows_read", "rows_loaded", "rows_rejected", "status", "started"];
  table($("table-loads"), rows.reverse(), columns);
}

async function readMeta() {
  META = await getJSON("/api/meta");
  $("about").textContent = `reference data ${META.reference}` + (META.writable ? "" : " · read-only");
  fill($("reporter"), META.reporters.map((r) => [r.code, `${r.name} (${r.code})`]));
  fill($("flow"), META.flows);
  fill($("partner_group"), META.partner_groups, "all partners");
  fill($("groups"), META.product_schemes, "none");
  fill($("upload-format"), META.formats);
}

// -- upload ----------------------------------------------------------------------------------
function upload(event) {
  event.preventDefault();
  const file = $("upload-file").files[0];
  if (!file) return;
  const pid = "p" + Math.random().toString(36).slice(2, 14);
  const form = new FormData();
  form.append("file", file);
  form.append("format", $("upload-format").value);
  form.append("classification", $("upload-classification").value || "HS17");
  if ($("upload-revise").checked) form.append("revise", "true");
  form.append("progress", pid);
  const bar = $("upload-progress"), step = $("upload-step"), result = $("upload-result");
  bar.hidden = false; bar.value = 0; result.textContent = ""; $("upload-rejects").innerHTML = "";
  const token = $("upload-token").value;
  sessionStorage.setItem("hitex-token", token);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/api/loads");
  if (token) xhr.setRequestHeader("Authorization", "Bearer " + token);
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) bar.value = (50 * e.loaded) / e.total;
    step.textContent = "uploading";
  };
  const poll = setInterval(async () => {
    try {
      const p = await getJSON("/api/loads/progress/" + pid);
      bar.value = 50 + (50 * p.steps.length) / p.total;
      step.textContent = p.steps.length ? p.steps[p.steps.length - 1] : "loading";
    } catch (e) { /* not started yet */ }
  }, 250);
  xhr.onloadend = async () => {
    clearInterval(poll);
    let answer = {};
    try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = {}; }
    if (xhr.status !== 200) {
      step.textContent = "";
      result.textContent = "Error: " + (answer.error ? answer.error.message : xhr.statusText || "no answer");
      result.className = "failed";
      return;
    }
    bar.value = 100;
    step.textContent = "done";
    result.className = "loaded";
    result.textContent = answer.loads.map((l) => l.summary).join(" ");
    if (answer.rejects.length) {
      table($("upload-rejects"), answer.rejects, ["line", "reason", "record"]);
    }
    await readMeta();
    fillYears();
    await Promise.all([loadsTable(), refresh()]);
  };
  xhr.send(form);
}

// -- start -----------------------------------------------------------------------------------
async function start() {
  try {
    [, COUNTRIES] = await Promise.all([readMeta(), getJSON("/api/countries")]);
  } catch (e) {
    showError(e.message);
    return;
  }
  const url = new URLSearchParams(location.search);
  const first = META.reporters[0];
  choose($("reporter"), url.get("reporter") || (first ? first.code : null));
  choose($("flow"), url.get("flow") || "export");
  fillYears();
  const years = reporterYears($("reporter").value);
  choose($("year"), url.get("year") || (years.length ? String(years[years.length - 1]) : null));
  const before = years.filter((y) => String(y) < $("year").value);
  const compare = url.has("year") ? url.get("compare") : (before.length ? String(before[before.length - 1]) : "");
  $("compare").value = "";
  if (compare) choose($("compare"), compare);
  $("months").value = url.get("months") || "";
  if (url.get("partner_group")) choose($("partner_group"), url.get("partner_group"));
  if (url.get("groups")) choose($("groups"), url.get("groups"));
  await fillGroups().catch((e) => showError(e.message));
  if (url.get("group")) choose($("group"), url.get("group"));
  choose($("upload-format"), "flows", false);
  $("upload-token").value = sessionStorage.getItem("hitex-token") || "";

  $("reporter").addEventListener("change", () => { fillYears(); refresh(); });
  $("groups").addEventListener("change", async () => {
    await fillGroups().catch((e) => showError(e.message));
    refresh();
  });
  for (const k of ["flow", "year", "compare", "months", "partner_group", "group"]) {
    $(k).addEventListener("change", refresh);
  }
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("upload").addEventListener("submit", upload);
  await Promise.all([refresh(), loadsTable()]);
}

start();
