// The hitex dashboard: one request per view (/api/view) -> headline, charts (Vega-Lite), tables.
// Every figure comes from the API; this script lays them out. The URL holds the view (filters,
// language, sort order of each table); each change of the view is a step of the browser's history.
"use strict";

const $ = (id) => document.getElementById(id);

// -- words -----------------------------------------------------------------------------------
const STRINGS = {
  en: {
    title: "hitex dashboard", nav_check: "Check a text", nav_api: "API", nav_share: "Link to this view",
    f_reporter: "Reporter", f_flow: "Flow", f_year: "Year", f_compare: "Base year", f_months: "Months",
    f_partner_group: "Partners", f_groups: "Product scheme", f_group: "Product group", f_firm_group: "Enterprises",
    all_firms: "all enterprises", firms_in: "enterprises: {g}", field_firm_group: "Enterprise group",
    suppressed: "suppressed",
    disclosure: "Suppressed (disclosure control): figures resting on fewer than {n} enterprises, or with one enterprise over {d}% of them, and further figures from which a total would reveal them.",
    why_threshold: "fewer than {n} enterprises", why_dominance: "one enterprise over {d}%",
    why_secondary: "secondary: the total would reveal a suppressed figure",
    search_reporters: "Search reporters", search_groups: "Search groups",
    export: "Exports", import: "Imports", "re-export": "Re-exports", "re-import": "Re-imports", balance: "Balance",
    none: "none", all_months: "all", annual: "annual data", all_partners: "all partners", no_scheme: "none",
    all_groups: "all groups", all_products: "all products", from_month: "From month", to_month: "To month",
    partners_in: "partners: {g}", products_in: "products: {g}", by_scheme: "products by {s} group",
    against: "against", loading: "Loading…", report: "Report", c_series: "By year",
    c_partners: "Largest partners", c_products: "Largest products", c_groups: "By {s} group", c_map: "Partners on the map",
    t_partners: "Partners", t_products: "Products", t_groups: "Groups of {s}", t_series: "By year",
    h_partners: "Partners", h_largest: "Largest partner", h_lines: "Product lines", h_growth: "Growth",
    col_partner: "Partner", col_product: "Product", col_group: "Group", col_year: "Year",
    col_value: "Value {y}", col_value_plain: "Value", col_base: "Value {y}", col_growth: "Growth, %",
    col_share: "Share, %", col_lines: "Product lines", col_change: "Change",
    empty: "No records for this selection.", empty_warehouse: "The warehouse is empty: load a file below.",
    no_view: "No figures: the view could not be answered.",
    note_not_held: "{field} {asked} is not in the warehouse for {who}: showing {now}.",
    note_not_held_none: "{field} {asked} is not in the warehouse for {who}: left out.",
    note_no_both_flows: "Balance needs exports and imports of the same year; {who} does not have both: showing {now}.",
    note_annual: "{who} has annual records only: all months are shown.",
    note_unknown: "{field} {asked} is not known: left out.",
    note_no_members: "Enterprise group {group} has no members in {asked}: no base year.",
    field_reporter: "Reporter", field_flow: "Flow", field_year: "Year", field_compare: "Base year",
    field_months: "Months", field_partner_group: "Partner group", field_groups: "Product scheme", field_group: "Product group",
    check_title: "Check a text", check_hint: "Paste a press text: every number in it is checked against the warehouse.",
    check_button: "Check", checking: "Checking…", check_none: "No numbers found to check.",
    col_claim: "Claim", col_computed: "Computed", col_verdict: "Verdict", col_reason: "Reason",
    loads_title: "Loads", upload_title: "Load a file", u_file: "File", u_format: "Format", u_format_auto: "from the file",
    u_classification: "Classification", u_revise: "revise earlier flows", u_token: "Token", u_button: "Load",
    u_choose: "Choose a file", u_no_file: "no file chosen",
    col_id: "Id", col_file: "File", col_format: "Format", col_read: "Read", col_loaded: "Loaded",
    col_rejected: "Rejected", col_status: "Status", col_started: "Started", col_line: "Line", col_record: "Record",
    status_loaded: "loaded", status_skipped: "skipped", status_refused: "refused", status_failed: "failed",
    status_removed: "removed",
    read_only: "read-only", reference: "reference data {v}", usd: "US$",
    uploading: "uploading", loading_file: "loading", done: "done", error: "Error", no_answer: "no answer",
    aria_lang: "Language", aria_headline: "Headline figures", aria_names: "Names",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December"],
  },
  ru: {
    title: "hitex: панель", nav_check: "Проверить текст", nav_api: "API", nav_share: "Ссылка на этот вид",
    f_reporter: "Отчитывающаяся страна", f_flow: "Поток", f_year: "Год", f_compare: "Базовый год", f_months: "Месяцы",
    f_partner_group: "Партнёры", f_groups: "Товарная схема", f_group: "Товарная группа", f_firm_group: "Предприятия",
    all_firms: "все предприятия", firms_in: "предприятия: {g}", field_firm_group: "группа предприятий",
    suppressed: "скрыто",
    disclosure: "Скрыто (защита конфиденциальности): значения, за которыми меньше {n} предприятий или где на одно предприятие приходится больше {d}%, и значения, по которым их можно было бы восстановить из итога.",
    why_threshold: "меньше {n} предприятий", why_dominance: "одно предприятие больше {d}%",
    why_secondary: "вторичное скрытие: итог раскрыл бы скрытое значение",
    search_reporters: "Поиск страны", search_groups: "Поиск группы",
    export: "Экспорт", import: "Импорт", "re-export": "Реэкспорт", "re-import": "Реимпорт", balance: "Сальдо",
    none: "нет", all_months: "все", annual: "годовые данные", all_partners: "все партнёры", no_scheme: "нет",
    all_groups: "все группы", all_products: "все товары", from_month: "С месяца", to_month: "По месяц",
    partners_in: "партнёры: {g}", products_in: "товары: {g}", by_scheme: "товары по группам схемы «{s}»",
    against: "к", loading: "Загрузка…", report: "Отчёт", c_series: "По годам",
    c_partners: "Крупнейшие партнёры", c_products: "Крупнейшие товары", c_groups: "По группам схемы «{s}»", c_map: "Партнёры на карте",
    t_partners: "Партнёры", t_products: "Товары", t_groups: "Группы схемы «{s}»", t_series: "По годам",
    h_partners: "Партнёров", h_largest: "Крупнейший партнёр", h_lines: "Товарных позиций", h_growth: "Рост",
    col_partner: "Партнёр", col_product: "Товар", col_group: "Группа", col_year: "Год",
    col_value: "Стоимость {y}", col_value_plain: "Стоимость", col_base: "Стоимость {y}", col_growth: "Рост, %",
    col_share: "Доля, %", col_lines: "Товарных позиций", col_change: "Изменение",
    empty: "Нет записей для этого выбора.", empty_warehouse: "Хранилище пусто: загрузите файл ниже.",
    no_view: "Нет данных: на этот запрос нет ответа.",
    note_not_held: "{who}: {field} {asked} — нет данных в хранилище; показано: {now}.",
    note_not_held_none: "{who}: {field} {asked} — нет данных в хранилище; не учитывается.",
    note_no_both_flows: "{who}: для сальдо нужны экспорт и импорт одного года, в хранилище есть не оба; показано: {now}.",
    note_annual: "{who}: в хранилище только годовые данные; показаны все месяцы.",
    note_unknown: "{field} {asked}: неизвестно; не учитывается.",
    note_no_members: "В группе предприятий {group} в {asked} г. не было участников: без базового года.",
    field_reporter: "страна", field_flow: "поток", field_year: "год", field_compare: "базовый год",
    field_months: "месяцы", field_partner_group: "группа партнёров", field_groups: "товарная схема", field_group: "товарная группа",
    check_title: "Проверить текст", check_hint: "Вставьте текст публикации: каждое число в нём сверяется с хранилищем.",
    check_button: "Проверить", checking: "Проверка…", check_none: "В тексте нет чисел для проверки.",
    col_claim: "Утверждение", col_computed: "Расчёт", col_verdict: "Вывод", col_reason: "Причина",
    loads_title: "Загрузки", upload_title: "Загрузить файл", u_file: "Файл", u_format: "Формат", u_format_auto: "по файлу",
    u_classification: "Классификация", u_revise: "заменить прежние потоки", u_token: "Токен", u_button: "Загрузить",
    u_choose: "Выбрать файл", u_no_file: "файл не выбран",
    // Soft hyphens: a phone's narrow column breaks these words where Russian does, not anywhere.
    col_id: "№", col_file: "Файл", col_format: "Формат", col_read: "Прочи\u00adтано", col_loaded: "Загру\u00adжено",
    col_rejected: "Откло\u00adнено", col_status: "Состо\u00adяние", col_started: "Начало", col_line: "Строка", col_record: "Запись",
    status_loaded: "загружен", status_skipped: "пропущен", status_refused: "отклонён", status_failed: "ошибка",
    status_removed: "удалён",
    read_only: "только чтение", reference: "справочники {v}", usd: "долл. США",
    uploading: "передача файла", loading_file: "загрузка", done: "готово", error: "Ошибка", no_answer: "нет ответа",
    aria_lang: "Язык", aria_headline: "Главные показатели", aria_names: "Названия",
    months: ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
      "ноябрь", "декабрь"],
  },
};

let LANG = "en";
function t(key, vars) {
  let s = STRINGS[LANG][key];
  if (s === undefined) s = STRINGS.en[key];
  if (s === undefined) return key;
  for (const [k, v] of Object.entries(vars || {})) s = s.split("{" + k + "}").join(String(v));
  return s;
}

// -- one formatter for headline, axes, tables and tooltips ------------------------------------
const FMT = {
  number(v, digits) {
    return v.toLocaleString(LANG === "ru" ? "ru-RU" : "en-US",
      { minimumFractionDigits: digits, maximumFractionDigits: digits });
  },
  usd(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return "–";
    const a = Math.abs(v);
    const steps = LANG === "ru"
      ? [[1e12, "\u00a0трлн"], [1e9, "\u00a0млрд"], [1e6, "\u00a0млн"], [1e3, "\u00a0тыс."], [1, ""]]
      : [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"], [1, ""]];
    const [d, unit] = steps.find(([x]) => a >= x) || [1, ""];
    const n = FMT.number(a / d, d === 1 ? 0 : 2);
    const minus = v < 0 ? (LANG === "ru" ? "−" : "-") : "";
    // A narrow column may break "1,77 млрд долл." before "долл.", never inside the number.
    return LANG === "ru" ? `${minus}${n}${unit} долл.` : `${minus}$${n}${unit}`;
  },
  pct(v, sign = true) {
    if (v === null || v === undefined || Number.isNaN(v)) return "–";
    const s = FMT.number(Math.abs(v), 1);
    return (v > 0 && sign ? "+" : v < 0 ? (LANG === "ru" ? "−" : "-") : "") + s + "%";
  },
  int(v) {
    return v === null || v === undefined ? "–" : FMT.number(v, 0);
  },
};

function monthSpan(months, year) {
  const names = t("months");
  const text = months[0] === months[1] ? names[months[0] - 1] : `${names[months[0] - 1]}–${names[months[1] - 1]}`;
  return LANG === "ru" ? `${text} ${year}\u00a0г.` : `${text} ${year}`;
}

function period(sel, year) {
  if (sel.months) return monthSpan(sel.months, year);
  return LANG === "ru" ? `${year}\u00a0г.` : String(year);
}

// -- the view's state: the URL ---------------------------------------------------------------
const FILTERS = ["reporter", "flow", "year", "compare", "months", "partner_group", "groups", "group", "firm_group"];
const TABLES = ["partners", "products", "series"];
let VIEW = null; // the last answer of /api/view
let SORT = {}; // table -> "column" or "-column" (descending)
let META = null;
let COUNTRIES = [];

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.append(k, v);
  }
  return q.toString();
}

function fromURL() {
  const url = new URLSearchParams(location.search);
  const want = {};
  for (const k of FILTERS) if (url.get(k)) want[k] = url.get(k);
  LANG = url.get("lang") === "ru" ? "ru" : "en";
  SORT = {};
  for (const name of TABLES) if (url.get("sort_" + name)) SORT[name] = url.get("sort_" + name);
  return want;
}

function selectionParams(sel) {
  return {
    reporter: sel.reporter, flow: sel.flow, year: sel.year, compare: sel.compare,
    months: sel.months ? `${sel.months[0]}-${sel.months[1]}` : null,
    partner_group: sel.partner_group, groups: sel.groups, group: sel.group, firm_group: sel.firm_group,
  };
}

function pageURL(params) {
  const sorts = {};
  for (const name of TABLES) if (SORT[name]) sorts["sort_" + name] = SORT[name];
  return "?" + query({ ...params, lang: LANG === "ru" ? "ru" : null, ...sorts });
}

// -- controls --------------------------------------------------------------------------------
function fill(select, options, blank) {
  select.innerHTML = "";
  if (blank !== undefined) select.add(new Option(blank, ""));
  for (const o of options) {
    const [value, text] = Array.isArray(o) ? o : [o, o];
    select.add(new Option(text, value));
  }
}

function searchable(input, select) {
  input.addEventListener("input", () => {
    const words = input.value.trim().toLowerCase();
    let first = null;
    for (const o of select.options) {
      const hit = !words || o.value === "" || o.text.toLowerCase().includes(words) || o.value.toLowerCase() === words;
      o.hidden = !hit;
      if (hit && o.value && first === null) first = o;
    }
    select.size = words ? Math.min(8, Math.max(2, [...select.options].filter((o) => !o.hidden).length)) : 0;
    if (select.size === 0) select.removeAttribute("size");
  });
}

function controls(answer) {
  const sel = answer.selection, ch = answer.choices;
  fill($("reporter"), ch.reporters.map((r) => [r.code, `${r.name} (${r.code})`]));
  $("reporter").value = sel.reporter;
  fill($("flow"), ch.flows.map((f) => [f, t(f)]));
  $("flow").value = sel.flow;
  const years = [...ch.years].reverse().map(String);
  fill($("year"), years);
  $("year").value = String(sel.year);
  fill($("compare"), years.filter((y) => y !== String(sel.year)), t("none"));
  $("compare").value = sel.compare ? String(sel.compare) : "";
  const names = t("months");
  for (const [id, end] of [["month-from", 0], ["month-to", 1]]) {
    const el = $(id);
    el.setAttribute("aria-label", t(end ? "to_month" : "from_month"));
    if (!ch.months) {
      fill(el, [], t("annual"));
      el.disabled = true;
      continue;
    }
    el.disabled = false;
    const span = [];
    for (let m = ch.months[0]; m <= ch.months[1]; m++) span.push([String(m), names[m - 1]]);
    fill(el, span, t("all_months"));
    el.value = sel.months ? String(sel.months[end]) : "";
  }
  // Built-in groups in the page's language (Russian names from the API), sorted as read.
  const groupNames = ch.partner_group_names || {};
  const partnerGroups = ch.partner_groups.map((g) => [g, groupNames[g] || g]);
  partnerGroups.sort((a, b) => a[1].localeCompare(b[1], LANG === "ru" ? "ru" : "en"));
  fill($("partner_group"), partnerGroups, t("all_partners"));
  $("partner_group").value = sel.partner_group || "";
  const schemeNames = ch.product_scheme_names || {};
  fill($("groups"), ch.product_schemes.map((k) => [k, schemeNames[k] || k]), t("no_scheme"));
  $("groups").value = sel.groups || "";
  fill($("group"), ch.groups.map((g) => [g.code, g.name === g.code ? g.code : `${g.name} (${g.code})`]), t("all_groups"));
  $("group").value = sel.group || "";
  $("group").disabled = !sel.groups;
  $("group-search").disabled = !sel.groups;
  $("group-search").value = "";
  $("reporter-search").value = "";
  // Enterprise groups: offered where the reporter's records name enterprises of a registry.
  fill($("firm_group"), ch.firm_groups || [], t("all_firms"));
  $("firm_group").value = sel.firm_group || "";
  $("firm-group-filter").hidden = !(ch.firm_groups || []).length;
}

// What the controls ask for now; `changed` is the control the user just changed.
function wanted(changed) {
  const w = {
    reporter: $("reporter").value, flow: $("flow").value, year: $("year").value, compare: $("compare").value,
    partner_group: $("partner_group").value, groups: $("groups").value, group: $("group").value,
    firm_group: $("firm_group").value,
  };
  let lo = $("month-from").value, hi = $("month-to").value;
  if (lo || hi) {
    const first = VIEW && VIEW.choices.months ? VIEW.choices.months[0] : 1;
    const last = VIEW && VIEW.choices.months ? VIEW.choices.months[1] : 12;
    lo = lo || String(first);
    hi = hi || String(last);
    if (Number(hi) < Number(lo)) [lo, hi] = changed === "month-from" ? [lo, lo] : [hi, hi];
    w.months = `${lo}-${hi}`;
  }
  if (changed === "groups") w.group = "";
  return w;
}

// -- tables ----------------------------------------------------------------------------------
function columnLabel(column, sel) {
  const fixed = {
    partner: "col_partner", product: "col_product", group: "col_group", year: "col_year",
    growth_pct: "col_growth", share_pct: "col_share", product_lines: "col_lines",
    id: "col_id", file: "col_file", format: "col_format", rows_read: "col_read", rows_loaded: "col_loaded",
    rows_rejected: "col_rejected", status: "col_status", started: "col_started", line: "col_line",
    reason: "col_reason", record: "col_record", span: "col_claim", computed: "col_computed", verdict: "col_verdict",
  };
  if (column === "value_usd") return sel && sel.year && !sel.series ? t("col_value", { y: period(sel, sel.year) }) : t("col_value_plain");
  if (column === "base_value_usd") return sel && sel.compare ? t("col_base", { y: period(sel, sel.compare) }) : t("col_base", { y: "" });
  return fixed[column] ? t(fixed[column]) : column.replace(/_/g, " ");
}

function cellText(column, v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (column.endsWith("_usd")) return FMT.usd(v);
    if (column.endsWith("_pct")) return FMT.pct(v, column === "growth_pct");
    if (column === "year" || column === "id" || column === "line") return String(v);
    return FMT.int(v);
  }
  if (typeof v === "object") return JSON.stringify(v);
  // A load's start to the minute (the exact time stays in the cell's title and the CSV).
  if (column === "started") return String(v).replace("T", " ").slice(0, 16);
  // A load's status in the page's language (the API and the CSV keep the code).
  if (column === "status" && STRINGS.en["status_" + v] !== undefined) return t("status_" + v);
  return String(v);
}

// A table of `rows`: `columns` are [column, name column or null]; click a header to sort.
function table(el, rows, columns, opts = {}) {
  el.innerHTML = "";
  if (!rows.length) {
    el.innerHTML = `<p class="empty">${t("empty")}</p>`;
    return;
  }
  const t0 = document.createElement("table");
  const head = t0.createTHead().insertRow();
  const numeric = columns.map(([c]) => rows.some((r) => typeof r[c] === "number") && c !== "year");
  columns.forEach(([c], i) => {
    const th = document.createElement("th");
    th.textContent = columnLabel(c, opts.sel);
    th.dataset.column = c;
    th.scope = "col";
    th.className = "c-" + c + (numeric[i] ? " num" : "");
    if (opts.name) th.addEventListener("click", () => {
      const now = SORT[opts.name];
      SORT[opts.name] = now === "-" + c ? c : "-" + c;
      history.replaceState(history.state, "", pageURL(selectionParams(VIEW.selection)));
      share();
      render(t0, rows, columns, numeric, opts.name);
    });
    head.appendChild(th);
  });
  t0.createTBody();
  render(t0, rows, columns, numeric, opts.name);
  el.appendChild(t0);
}

function render(t0, rows, columns, numeric, name) {
  const spec = name ? SORT[name] : null;
  let shown = rows;
  for (const h of t0.tHead.rows[0].cells) h.removeAttribute("aria-sort");
  if (spec) {
    const column = spec.replace(/^-/, "");
    const sign = spec.startsWith("-") ? -1 : 1;
    const th = [...t0.tHead.rows[0].cells].find((h) => h.dataset.column === column);
    if (th) {
      th.setAttribute("aria-sort", sign > 0 ? "ascending" : "descending");
      shown = [...rows].sort((a, b) => {
        const x = a[column], y = b[column];
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (x < y ? -1 : 1) * sign;
      });
    }
  }
  const tb = t0.tBodies[0];
  tb.innerHTML = "";
  for (const r of shown) {
    const tr = tb.insertRow();
    columns.forEach(([c, label], i) => {
      const td = tr.insertCell();
      const v = r[c];
      td.classList.add("c-" + c);
      if (label && r[label]) {
        td.classList.add("name");
        const code = document.createElement("span");
        code.className = "code";
        code.textContent = v;
        if (c === "product") {
          // A product's code first: long names are cut, and names of one heading begin alike.
          code.classList.add("lead");
          td.append(code, r[label]);
        } else {
          td.append(r[label], code);
        }
        td.title = `${r[label]} (${v})`;
      } else if (numeric[i] && withheld(r, c)) {
        td.textContent = t("suppressed");
        td.classList.add("num", "suppressed");
        td.title = why(r);
      } else {
        td.textContent = cellText(c, v);
        // A long text cut on a phone is whole here (a load's status in the page's language).
        if (typeof v === "string") td.title = c === "status" ? cellText(c, v) : v;
        if (numeric[i]) {
          td.classList.add("num");
          if (typeof v === "number") td.title = v.toLocaleString(LANG === "ru" ? "ru-RU" : "en-US");
          if (c === "growth_pct" && v) td.classList.add(v > 0 ? "up" : "down");
        }
      }
    });
  }
}

function columnsOf(rows, first) {
  const keys = rows.length ? Object.keys(rows[0]) : [];
  const wanted = ["value_usd", "base_value_usd", "growth_pct", "share_pct", "product_lines"];
  return [...first, ...wanted.filter((c) => keys.includes(c)).map((c) => [c, null])];
}

// -- CSV: /api/table's answer to the panel's question, rounded by the API as the CLI rounds it;
// its file name (the answer's Content-Disposition) says what it holds.
function downloadCSV(what) {
  if (!VIEW || !VIEW.downloads || !VIEW.downloads[what]) return;
  const a = document.createElement("a");
  a.href = VIEW.downloads[what];
  a.download = "";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

// -- charts ----------------------------------------------------------------------------------
if (window.vega && vega.expressionFunction) vega.expressionFunction("hxusd", (v) => FMT.usd(v));

// Screen readers get the chart's caption, each axis's title and each mark's own words in the
// page's language (Vega would describe them in English: "Y-axis titled ...", "value: ...").
function draw(el, spec) {
  const caption = el.parentElement && el.parentElement.querySelector("figcaption");
  const full = Object.assign({ $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: caption ? caption.textContent : "",
    width: "container", height: el.clientWidth < 400 ? 200 : 240, autosize: { type: "fit", contains: "padding" },
    config: { view: { stroke: null } } }, spec);
  return vegaEmbed(el, full, { actions: false, renderer: "svg" }).then(() => {
    el.dataset.rows = String((spec.data && spec.data.values) ? spec.data.values.length : 0);
  });
}

const moneyAxis = (title) => ({ title, description: title, labelExpr: "hxusd(datum.value)", tickCount: 4, labelOverlap: "greedy" });

function bars(el, rows, code, label) {
  const narrow = el.clientWidth < 400;
  const largest = [...rows].sort((a, b) => Math.abs(b.value_usd) - Math.abs(a.value_usd));
  const max = narrow ? 22 : 34;
  const values = largest.slice(0, narrow ? 10 : 15).map((r) => {
    // A product's code first, as in its table: names of one heading begin alike.
    const name = String(code === "product" && r[label] ? `${r[code]} ${r[label]}` : r[label] || r[code]);
    const text = name.length > max ? name.slice(0, max - 1) + "…" : name;
    const full = r[label] ? `${r[label]} (${r[code]})` : String(r[code]);
    return { label: text, code: String(r[code]), full, value: r.value_usd, shown: FMT.usd(r.value_usd), aria: `${full}: ${FMT.usd(r.value_usd)}` };
  });
  // One bar a row: labels cut alike would be one category, their values stacked as one.
  const seen = new Map();
  for (const v of values) seen.set(v.label, (seen.get(v.label) || 0) + 1);
  for (const v of values) if (seen.get(v.label) > 1) v.label = `${v.label} (${v.code})`;
  if (!values.length) {
    el.innerHTML = `<p class="empty">${t("empty")}</p>`;
    return Promise.resolve();
  }
  return draw(el, {
    data: { values },
    mark: { type: "bar", color: "#3b6ea8" },
    encoding: {
      y: { field: "label", type: "nominal", sort: "-x", title: null, axis: { description: t("aria_names") } },
      x: { field: "value", type: "quantitative", axis: moneyAxis(t("usd")) },
      tooltip: [{ field: "full", title: " " }, { field: "shown", title: t("usd") }],
      description: { field: "aria" },
    },
  });
}

function seriesChart(el, rows) {
  if (!rows.length) {
    el.innerHTML = `<p class="empty">${t("empty")}</p>`;
    return Promise.resolve();
  }
  return draw(el, {
    data: { values: rows.map((r) => ({ year: String(r.year), value: r.value_usd, shown: FMT.usd(r.value_usd),
      aria: `${period({}, r.year)}: ${FMT.usd(r.value_usd)}` })) },
    mark: { type: "bar", color: "#3b6ea8" },
    encoding: {
      x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0, description: t("col_year") } },
      y: { field: "value", type: "quantitative", axis: moneyAxis(t("usd")) },
      tooltip: [{ field: "year", title: t("col_year") }, { field: "shown", title: t("usd") }],
      description: { field: "aria" },
    },
  });
}

function mapChart(el, partners) {
  const numeric = Object.fromEntries(COUNTRIES.map((c) => [c.iso3, c.numeric]));
  const values = partners
    .filter((r) => numeric[r.partner] && r.value_usd)
    .map((r) => ({ id: numeric[r.partner], name: r.partner_name || r.partner, value: r.value_usd, shown: FMT.usd(r.value_usd),
      aria: `${r.partner_name || r.partner}: ${FMT.usd(r.value_usd)}` }));
  // A balance has deficits: red below zero, blue above, zero white.
  const widest = Math.max(1, ...values.map((v) => Math.abs(v.value)));
  const world = { url: "/static/vendor/countries-110m.json", format: { type: "topojson", feature: "countries" } };
  return draw(el, {
    data: { values },
    projection: { type: "equalEarth" },
    layer: [
      { data: world, mark: { type: "geoshape", fill: "#e3e6ea", stroke: "#fff", strokeWidth: 0.4, aria: false } },
      {
        data: world,
        transform: [{ lookup: "id", from: { data: { values }, key: "id", fields: ["name", "value", "shown", "aria"] } },
                    { filter: "datum.value != null" }],
        mark: { type: "geoshape", stroke: "#fff", strokeWidth: 0.4 },
        encoding: {
          color: { field: "value", type: "quantitative", title: t("usd"),
                   scale: values.some((v) => v.value < 0) ? { scheme: "redblue", domain: [-widest, widest] } : { scheme: "blues" },
                   legend: { labelExpr: "hxusd(datum.value)", orient: "bottom", gradientLength: Math.min(240, el.clientWidth - 80),
                     description: t("usd") } },
          tooltip: [{ field: "name", title: " " }, { field: "shown", title: t("usd") }],
          description: { field: "aria" },
        },
      },
    ],
  });
}

// -- headline: the selection in words, then its figures ---------------------------------------
// The partner group and product scheme as the page names them (Russian names with lang=ru).
const groupName = (sel) => sel.partner_group_name || sel.partner_group;
const schemeName = (sel) => sel.groups_name || sel.groups;

function selectionText(sel) {
  const parts = [`${sel.reporter_name} (${sel.reporter})`, t(sel.flow)];
  let when = period(sel, sel.year);
  if (sel.compare) when += ` ${t("against")} ${period(sel, sel.compare)}`;
  parts.push(when);
  parts.push(sel.partner_group ? t("partners_in", { g: groupName(sel) }) : t("all_partners"));
  if (sel.group) parts.push(t("products_in", { g: `${sel.group_name || sel.group} (${schemeName(sel)})` }));
  else if (sel.groups) parts.push(t("by_scheme", { s: schemeName(sel) }));
  else parts.push(t("all_products"));
  if (sel.firm_group) parts.push(t("firms_in", { g: sel.firm_group }));
  return parts.join(" · ");
}

// A figure withheld by disclosure control: the word, and why in the cell's title.
function withheld(row, column) {
  return row && row.suppressed && (row[column] === null || row[column] === undefined);
}

function why(row) {
  const d = (VIEW && VIEW.disclosure) || {};
  const vars = { n: d.min_firms, d: d.dominance_pct };
  const text = String(row.suppression || "");
  // The reason as the API gives it: English, or Russian with lang=ru ("меньше 3 предприятий (2019 г.)").
  const kind = /^(fewer|меньше)/.test(text) ? "why_threshold"
    : /^(one enterprise|одно предприятие)/.test(text) ? "why_dominance" : "why_secondary";
  const year = (text.match(/ in (\d{4})$/) || text.match(/ \((\d{4}) г\.\)$/) || [])[1];
  return t(kind, vars) + (year ? ` (${year})` : "");
}

function headline(answer) {
  const sel = answer.selection, row = answer.total || {};
  $("selection").textContent = selectionText(sel);
  const money = (column) => (withheld(row, column) ? t("suppressed") : FMT.usd(row[column] ?? 0));
  const cards = [[`${t(sel.flow)} ${period(sel, sel.year)}`, money("value_usd"), withheld(row, "value_usd") ? "suppressed" : ""]];
  if (sel.compare) {
    cards.push([`${t(sel.flow)} ${period(sel, sel.compare)}`, money("base_value_usd"), withheld(row, "base_value_usd") ? "suppressed" : ""]);
    const g = row.growth_pct;
    if (withheld(row, "growth_pct")) cards.push([t("h_growth"), t("suppressed"), "suppressed"]);
    else cards.push([t("h_growth"), FMT.pct(g), g > 0 ? "up" : g < 0 ? "down" : ""]);
  }
  const active = answer.partners.filter((r) => r.value_usd || r.suppressed);
  cards.push([t("h_partners"), FMT.int(active.length), ""]);
  // The largest partner is stated only when no partner's figure is withheld (it could be larger).
  if (active.length && sel.flow !== "balance" && !active.some((r) => r.suppressed)) {
    const top = [...active].sort((a, b) => b.value_usd - a.value_usd)[0];
    cards.push([t("h_largest"), `${top.partner_name || top.partner} ${FMT.pct(top.share_pct, false)}`, ""]);
  }
  if (row.product_lines !== undefined && row.product_lines !== null) {
    cards.push([t("h_lines"), FMT.int(row.product_lines), ""]);
  }
  $("headline").innerHTML = "";
  for (const [label, value, cls] of cards) {
    const d = document.createElement("div");
    d.className = "card";
    d.innerHTML = '<div class="label"></div><div class="value"></div>';
    d.children[0].textContent = label;
    d.children[1].textContent = value;
    if (cls) d.children[1].classList.add(cls);
    if (cls === "suppressed") d.children[1].title = why(row);
    $("headline").appendChild(d);
  }
  // Where any figure of the view is withheld, the rule that withheld it.
  const rows = [answer.total || {}, ...answer.partners, ...answer.products, ...answer.series];
  const d = answer.disclosure;
  const any = d && d.enabled && rows.some((r) => r.suppressed);
  $("disclosure").textContent = any ? t("disclosure", { n: d.min_firms, d: d.dominance_pct }) : "";
  $("disclosure").hidden = !any;
  // The whole selection: the report applies what it can and says at its top what it does not.
  const report = { reporter: sel.reporter, year: sel.year, compare: sel.compare, partner_group: sel.partner_group,
    firm_group: sel.firm_group, lang: LANG, flow: sel.flow === "export" ? null : sel.flow,
    months: sel.months ? sel.months.join("-") : null,
    groups: sel.group ? sel.groups : null, group: sel.group };
  for (const f of ["html", "pdf", "md"]) {
    const a = $("report-" + f);
    a.href = "/api/report?" + query({ ...report, format: f });
    a.setAttribute("download", `hitex-${sel.reporter}-${sel.year}.${f}`);
  }
}

function notes(answer) {
  const sel = answer.selection;
  const who = sel.reporter_name || sel.reporter;
  const shown = (field, v) => {
    if (v === null || v === undefined) return t("none");
    if (field === "flow") return t(v);
    if (field === "months") {
      const [a, b] = String(v).split("-").map(Number);
      return monthSpan([a, b || a], "").trim();
    }
    return String(v);
  };
  const lines = answer.notes.map((n) => {
    const vars = { field: t("field_" + n.field), asked: shown(n.field, n.asked), now: shown(n.field, n.now), who, group: n.group };
    if (n.reason === "not_held") return t(n.now === null ? "note_not_held_none" : "note_not_held", vars);
    return t("note_" + n.reason, vars);
  });
  $("notes").innerHTML = "";
  for (const line of lines) {
    const p = document.createElement("p");
    p.textContent = line.charAt(0).toUpperCase() + line.slice(1);
    $("notes").appendChild(p);
  }
  $("notes").hidden = !lines.length;
}

// -- the view --------------------------------------------------------------------------------
const PANELS = ["summary", "chart-series", "chart-partners", "chart-products", "chart-map",
  "block-partners", "block-products", "block-series"];
const CONTENT = ["selection", "headline", "chart-series", "chart-partners", "chart-products", "chart-map",
  "table-partners", "table-products", "table-series"];

function panel(id) {
  const el = $(id);
  return el.classList.contains("chart") ? el.parentElement : el;
}

// Nothing of the previous view stays: every figure is removed before the next is asked for.
function clear() {
  for (const id of CONTENT) $(id).innerHTML = "";
  $("disclosure").hidden = true;
  for (const f of ["html", "pdf", "md"]) $("report-" + f).removeAttribute("href");
}

function loading(on) {
  for (const id of PANELS) {
    const el = panel(id);
    el.classList.toggle("loading", on);
    el.dataset.loading = t("loading");
    el.setAttribute("aria-busy", on ? "true" : "false");
  }
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

function share() {
  $("share").href = location.href;
}

let asked = 0;
// Ask for the view `want`; `how`: "push" (a new step of history), "replace", or "pop" (Back).
async function show(want, how) {
  const mine = ++asked;
  const params = { ...want, lang: LANG };
  if (how === "push") history.pushState(null, "", pageURL(want));
  document.body.dataset.view = "";
  delete document.body.dataset.uncovered;
  if (!VIEW || want.reporter !== VIEW.selection.reporter) {
    // Another reporter: the years and months of the last one are not offered meanwhile.
    for (const id of ["year", "compare", "month-from", "month-to"]) fill($(id), [], "…");
  }
  clear();
  showError("");
  loading(true);
  let answer;
  try {
    const response = await fetch("/api/view?" + query(params));
    answer = await response.json();
    if (!response.ok) throw new Error(answer.error ? answer.error.message : response.statusText);
  } catch (e) {
    if (mine !== asked) return;
    loading(false);
    clear();
    VIEW = null;
    $("notes").hidden = true;
    $("selection").textContent = t("no_view");
    showError(e.message || String(e));
    document.body.dataset.view = "error";
    return;
  }
  if (mine !== asked) return; // a newer view was asked for meanwhile
  VIEW = answer;
  const sel = answer.selection;
  // The URL says what is shown: the selection as answered (adjusted where it had to be).
  history.replaceState(null, "", pageURL(selectionParams(sel)));
  share();
  controls(answer);
  notes(answer);
  loading(false);
  if (answer.uncovered) {
    // The loads cannot hold this selection: its reason, and no figure (not $0).
    $("selection").textContent = selectionText(sel);
    const p = document.createElement("p");
    p.className = "uncovered";
    p.setAttribute("role", "status");
    p.textContent = answer.uncovered;
    $("headline").appendChild(p);
    // No empty charts, tables or report links for a selection without figures.
    document.body.dataset.uncovered = "";
    if (mine === asked) document.body.dataset.view = query(selectionParams(sel));
    return;
  }
  headline(answer);
  const by = sel.groups ? "group" : "product";
  $("products-title").textContent = sel.groups ? t("t_groups", { s: schemeName(sel) }) : t("t_products");
  $("products-caption").textContent = sel.groups ? t("c_groups", { s: schemeName(sel) }) : t("c_products");
  table($("table-partners"), answer.partners, columnsOf(answer.partners, [["partner", "partner_name"]]), { sel, name: "partners" });
  table($("table-products"), answer.products, columnsOf(answer.products, [[by, by + "_name"]]), { sel, name: "products" });
  table($("table-series"), answer.series, columnsOf(answer.series, [["year", null]]).filter(([c]) => c !== "base_value_usd"),
    { sel: { ...sel, series: true }, name: "series" });
  await Promise.all([
    seriesChart($("chart-series"), answer.series),
    // A balance may be negative: bars left of zero, not "no records".
    bars($("chart-partners"), answer.partners.filter((r) => r.value_usd), "partner", "partner_name"),
    bars($("chart-products"), answer.products.filter((r) => r.value_usd), by, by + "_name"),
    mapChart($("chart-map"), answer.partners),
  ]).catch((e) => showError(e.message));
  if (mine === asked) document.body.dataset.view = query(selectionParams(sel));
}

function strings() {
  document.documentElement.lang = LANG;
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll("[data-tp]")) el.placeholder = t(el.dataset.tp);
  for (const el of document.querySelectorAll("[data-ta]")) el.setAttribute("aria-label", t(el.dataset.ta));
  chosenFile();
  const format = $("upload-format").options[0];
  if (format && format.value === "") format.text = t("u_format_auto");
  for (const l of ["en", "ru"]) $("lang-" + l).setAttribute("aria-current", String(l === LANG));
  if (META) $("about").textContent = t("reference", { v: META.reference }) + (META.writable ? "" : " · " + t("read_only"));
}

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

// The file chosen for upload, in the page's words (the browser's own button would use its own).
function chosenFile() {
  const file = $("upload-file").files[0];
  $("upload-file-name").textContent = file ? file.name : t("u_no_file");
}

async function loadsTable() {
  const rows = await getJSON("/api/loads");
  const columns = ["id", "file", "format", "rows_read", "rows_loaded", "rows_rejected", "status", "started"];
  table($("table-loads"), rows.reverse(), columns.map((c) => [c, null]));
}

async function readMeta() {
  META = await getJSON("/api/meta");
  strings();
  fill($("upload-format"), META.formats, t("u_format_auto"));
  $("upload-format").value = "";
}

// -- check a text ----------------------------------------------------------------------------
async function checkText(event) {
  event.preventDefault();
  const text = $("check-text").value;
  if (!text.trim()) return;
  $("check-status").textContent = t("checking");
  $("check-result").innerHTML = "";
  try {
    const response = await fetch("/api/check", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }),
    });
    const rows = await response.json();
    if (!response.ok) throw new Error(rows.error ? rows.error.message : response.statusText);
    $("check-status").textContent = rows.length ? "" : t("check_none");
    table($("check-result"), rows, ["span", "computed", "verdict", "reason"].map((c) => [c, null]));
  } catch (e) {
    $("check-status").textContent = e.message || String(e);
  }
}

// -- upload ----------------------------------------------------------------------------------
// A load's step in the page's language (the API names steps by their codes). Its summary and
// errors come from the API in the page's language: the upload is posted with ?lang=ru.
const loadStep = (name) => (LANG === "ru" && STEPS_RU[name]) || name;
const STEPS_RU = { read: "чтение", check: "проверка", rejects: "отклонённые записи", flows: "запись потоков",
  hash: "контрольная сумма", commit: "фиксация" };

const loadSummary = (l) => l.summary;

function upload(event) {
  event.preventDefault();
  const file = $("upload-file").files[0];
  if (!file) return;
  const pid = "p" + Math.random().toString(36).slice(2, 14);
  const form = new FormData();
  form.append("file", file);
  // No format chosen: the API tells it from the file's name and columns.
  if ($("upload-format").value) form.append("format", $("upload-format").value);
  form.append("classification", $("upload-classification").value || "HS17");
  if ($("upload-revise").checked) form.append("revise", "true");
  form.append("progress", pid);
  const bar = $("upload-progress"), step = $("upload-step"), result = $("upload-result");
  bar.hidden = false; bar.value = 0; result.textContent = ""; $("upload-rejects").innerHTML = "";
  const token = $("upload-token").value;
  sessionStorage.setItem("hitex-token", token);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", LANG === "ru" ? "/api/loads?lang=ru" : "/api/loads");
  if (token) xhr.setRequestHeader("Authorization", "Bearer " + token);
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) bar.value = (50 * e.loaded) / e.total;
    step.textContent = t("uploading");
  };
  // A poll still in flight when the answer arrives must not write its step over "done".
  let finished = false;
  const poll = setInterval(async () => {
    try {
      const p = await getJSON("/api/loads/progress/" + pid);
      if (finished) return;
      bar.value = 50 + (50 * p.steps.length) / p.total;
      step.textContent = p.steps.length ? loadStep(p.steps[p.steps.length - 1]) : t("loading_file");
    } catch (e) { /* not started yet */ }
  }, 250);
  xhr.onloadend = async () => {
    finished = true;
    clearInterval(poll);
    let answer = {};
    try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = {}; }
    if (xhr.status !== 200) {
      step.textContent = "";
      result.textContent = t("error") + ": " + (answer.error ? answer.error.message : xhr.statusText || t("no_answer"));
      result.className = "failed";
      return;
    }
    bar.value = 100;
    step.textContent = t("done");
    result.className = "loaded";
    result.textContent = answer.loads.map(loadSummary).join(" ");
    if (answer.rejects.length) {
      table($("upload-rejects"), answer.rejects, ["line", "reason", "record"].map((c) => [c, null]));
    }
    await Promise.all([readMeta(), loadsTable(), show(VIEW ? selectionParams(VIEW.selection) : fromURL(), "replace")]);
  };
  xhr.send(form);
}

// -- start -----------------------------------------------------------------------------------
async function start() {
  const want = fromURL();
  strings();
  searchable($("group-search"), $("group"));
  searchable($("reporter-search"), $("reporter"));
  for (const id of ["reporter", "flow", "year", "compare", "month-from", "month-to", "partner_group", "groups", "group", "firm_group"]) {
    $(id).addEventListener("change", () => show(wanted(id), "push"));
  }
  for (const l of ["en", "ru"]) {
    $("lang-" + l).addEventListener("click", (e) => {
      e.preventDefault();
      if (LANG === l) return;
      LANG = l;
      strings();
      show(VIEW ? selectionParams(VIEW.selection) : fromURL(), "push");
    });
  }
  window.addEventListener("popstate", () => {
    const back = fromURL();
    strings();
    show(back, "pop");
  });
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  for (const name of TABLES) $("csv-" + name).addEventListener("click", () => downloadCSV(name));
  $("check").addEventListener("submit", checkText);
  $("upload").addEventListener("submit", upload);
  $("upload-file").addEventListener("change", chosenFile);
  $("upload-token").value = sessionStorage.getItem("hitex-token") || "";
  const [countries] = await Promise.all([
    getJSON("/api/countries").catch(() => []),
    readMeta().catch((e) => showError(e.message)),
    loadsTable().catch(() => {}),
  ]);
  COUNTRIES = countries;
  if (META && !META.reporters.length) {
    loading(false);
    $("selection").textContent = t("empty_warehouse");
    document.body.dataset.view = "empty";
    return;
  }
  await show(want, "replace");
}

start();
