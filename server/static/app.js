// newskg query page.  Data from the store is only ever put in the page with textContent or
// attribute setters, never as HTML, so article text cannot inject markup or scripts.
"use strict";

const XSD = "http://www.w3.org/2001/XMLSchema#";
const DATE_TYPES = new Set([XSD + "date", XSD + "dateTime", XSD + "dateTimeStamp", XSD + "gYear", XSD + "gYearMonth"]);
const PREFIXES = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: XSD,
  nkg: "https://w3id.org/newskg/ontology#",
  sem: "http://semanticweb.cs.vu.nl/2009/11/sem/",
  dcterms: "http://purl.org/dc/terms/",
  prov: "http://www.w3.org/ns/prov#",
  schema: "http://schema.org/",
  wd: "http://www.wikidata.org/entity/",
};
const TIMELINE_QUERY = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>

# Events by date (exact begin date, else the earliest possible begin)
SELECT ?event ?label ?date ?place ?placeLabel WHERE {
  ?event a sem:Event .
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event sem:hasBeginTimeStamp ?begin }
  OPTIONAL { ?event sem:hasEarliestBeginTimeStamp ?earliest }
  BIND(COALESCE(?begin, ?earliest) AS ?date)
  FILTER(BOUND(?date))
  OPTIONAL { ?event sem:hasPlace ?place . OPTIONAL { ?place rdfs:label ?placeLabel } }
}
ORDER BY ?date
LIMIT 2000`;

const state = { config: { base: "https://w3id.org/newskg/id/" }, last: null, lastQuery: null };
const $ = (id) => document.getElementById(id);

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function compact(iri) {
  const base = state.config.base;
  if (iri.startsWith(base)) return "id:" + iri.slice(base.length);
  for (const [p, ns] of Object.entries(PREFIXES)) if (iri.startsWith(ns) && iri.length > ns.length) return p + ":" + iri.slice(ns.length);
  return iri;
}

function localHref(iri) {
  const base = state.config.base;
  if (iri.startsWith(base) && iri.length > base.length) return "/id/" + iri.slice(base.length);
  return "/describe?iri=" + encodeURIComponent(iri);
}

function termNode(term) {
  if (!term) return document.createTextNode("");
  if (term.type === "uri") {
    const a = el("a", compact(term.value), { href: localHref(term.value), title: term.value });
    return a;
  }
  if (term.type === "bnode") return el("span", "_:" + term.value, { class: "bnode" });
  if (term.type === "triple") {
    const span = el("span", null, { class: "triple" });
    span.append("<< ", termNode(term.value.subject), " ", termNode(term.value.predicate), " ", termNode(term.value.object), " >>");
    return span;
  }
  const span = el("span", null, { class: "literal" });
  span.append(el("span", term.value));
  if (term["xml:lang"]) span.append(el("span", "@" + term["xml:lang"], { class: "lang" }));
  else if (term.datatype) span.append(el("span", "^^" + compact(term.datatype), { class: "dt" }));
  return span;
}

function setStatus(text, isError) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", Boolean(isError));
}

async function post(query, accept, format) {
  const body = new URLSearchParams({ query });
  const timeout = $("timeout").value;
  if (timeout) body.set("timeout", timeout);
  if (format) body.set("format", format);
  return fetch("/sparql", { method: "POST", body, headers: { Accept: accept } });
}

async function run(query) {
  query = query ?? $("query").value;
  state.lastQuery = query;
  setStatus("Running…");
  $("run").disabled = true;
  const started = performance.now();
  try {
    const response = await post(query, "application/sparql-results+json, text/turtle;q=0.9");
    const text = await response.text();
    if (!response.ok) {
      setStatus(`Error ${response.status}: ${text.trim()}`, true);
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const type = response.headers.get("content-type") || "";
    if (type.includes("sparql-results+json")) {
      const data = JSON.parse(text);
      state.last = data;
      if ("boolean" in data) {
        renderRaw(`ASK → ${data.boolean}`);
        setStatus(`ASK answered ${data.boolean} in ${seconds} s.`);
      } else {
        renderTable(data);
        renderTimeline(data);
        const truncated = response.headers.get("x-row-limit");
        setStatus(`${data.results.bindings.length} rows in ${seconds} s.` + (truncated ? ` (server caps results at ${truncated} rows)` : ""));
      }
      $("download-csv").disabled = false;
      $("download-json").disabled = false;
    } else {
      state.last = null;
      renderRaw(text);
      setStatus(`Graph result (${type.split(";")[0]}) in ${seconds} s.`);
      $("download-csv").disabled = true;
      $("download-json").disabled = false;
    }
  } catch (err) {
    setStatus("Request failed: " + err, true);
  } finally {
    $("run").disabled = false;
  }
}

function renderRaw(text) {
  $("results").hidden = true;
  const raw = $("raw");
  raw.hidden = false;
  raw.textContent = text;
}

function renderTable(data) {
  $("raw").hidden = true;
  const table = $("results");
  table.hidden = false;
  const thead = table.tHead;
  const tbody = table.tBodies[0];
  thead.replaceChildren();
  tbody.replaceChildren();
  const vars = data.head.vars;
  const headRow = el("tr");
  headRow.append(el("th", "#"));
  for (const v of vars) headRow.append(el("th", "?" + v));
  thead.append(headRow);
  const fragment = document.createDocumentFragment();
  data.results.bindings.forEach((row, i) => {
    const tr = el("tr");
    tr.append(el("td", String(i + 1), { class: "n" }));
    for (const v of vars) {
      const td = el("td");
      td.append(termNode(row[v]));
      tr.append(td);
    }
    fragment.append(tr);
  });
  tbody.append(fragment);
}

function parseDate(term) {
  if (!term || term.type !== "literal") return null;
  const dt = term.datatype || "";
  let value = term.value.trim();
  if (!DATE_TYPES.has(dt) && !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  if (/^-?\d{4}$/.test(value)) value += "-01-01";
  else if (/^-?\d{4}-\d{2}$/.test(value)) value += "-01";
  const time = Date.parse(value.slice(0, 10) + "T00:00:00Z");
  return Number.isNaN(time) ? null : time;
}

function renderTimeline(data) {
  const note = $("timeline-note");
  const box = $("timeline");
  const list = $("timeline-list");
  box.replaceChildren();
  list.replaceChildren();
  const vars = data.head.vars;
  const rows = data.results.bindings;
  const dateVar = vars.find((v) => rows.some((r) => parseDate(r[v]) !== null));
  if (!dateVar) {
    note.textContent = "No date column in these results. “Events timeline” plots every dated event.";
    return;
  }
  const linkVar = vars.find((v) => rows.some((r) => r[v] && r[v].type === "uri"));
  const labelVar = vars.find((v) => v !== dateVar && /label|title|name/i.test(v)) || vars.find((v) => v !== dateVar && rows.some((r) => r[v] && r[v].type === "literal"));
  const items = rows
    .map((r) => ({ time: parseDate(r[dateVar]), date: r[dateVar] && r[dateVar].value, link: linkVar && r[linkVar], label: labelVar && r[labelVar] && r[labelVar].value }))
    .filter((item) => item.time !== null)
    .sort((a, b) => a.time - b.time);
  note.textContent = `${items.length} dated rows by ?${dateVar}.`;
  const width = 960, lane = 14, top = 30;
  const min = items[0].time, max = items[items.length - 1].time;
  const span = Math.max(max - min, 86400000);
  const x = (t) => 20 + ((t - min) / span) * (width - 40);
  const lanes = [];
  const placed = items.map((item) => {
    const px = x(item.time);
    let laneIndex = lanes.findIndex((end) => end < px - 8);
    if (laneIndex === -1) { laneIndex = lanes.length; lanes.push(px); } else lanes[laneIndex] = px;
    return { item, px, py: top + 12 + laneIndex * lane };
  });
  const height = top + 24 + Math.min(lanes.length, 40) * lane;
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "timeline-svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Timeline of results by date");
  const axis = document.createElementNS(NS, "line");
  Object.entries({ x1: 20, x2: width - 20, y1: top, y2: top, class: "axis" }).forEach(([k, v]) => axis.setAttribute(k, v));
  svg.append(axis);
  const first = new Date(min), last = new Date(max);
  const years = last.getUTCFullYear() - first.getUTCFullYear();
  const ticks = [];
  if (years >= 2) for (let y = first.getUTCFullYear(); y <= last.getUTCFullYear() + 1; y++) ticks.push([Date.UTC(y, 0, 1), String(y)]);
  else for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); d.getTime() <= max + 2678400000; d.setUTCMonth(d.getUTCMonth() + 1)) ticks.push([d.getTime(), d.toISOString().slice(0, 7)]);
  for (const [t, label] of ticks) {
    if (t < min - 1 || t > max + 1) continue;
    const tick = document.createElementNS(NS, "text");
    tick.setAttribute("x", x(t));
    tick.setAttribute("y", top - 8);
    tick.setAttribute("class", "tick");
    tick.textContent = label;
    svg.append(tick);
  }
  for (const { item, px, py } of placed.filter((p) => p.py < height)) {
    const dot = document.createElementNS(NS, "circle");
    dot.setAttribute("cx", px);
    dot.setAttribute("cy", py);
    dot.setAttribute("r", 5);
    dot.setAttribute("class", "event-dot");
    const title = document.createElementNS(NS, "title");
    title.textContent = `${item.date} — ${item.label || (item.link ? compact(item.link.value) : "")}`;
    dot.append(title);
    if (item.link) {
      const a = document.createElementNS(NS, "a");
      a.setAttribute("href", localHref(item.link.value));
      a.append(dot);
      svg.append(a);
    } else svg.append(dot);
  }
  box.append(svg);
  for (const item of items) {
    const li = el("li");
    li.append(el("time", item.date, { datetime: String(item.date).slice(0, 10) }), " ");
    if (item.link) li.append(el("a", item.label || compact(item.link.value), { href: localHref(item.link.value) }));
    else li.append(el("span", item.label || ""));
    list.append(li);
  }
}

async function download(format) {
  if (!state.lastQuery) return;
  const accept = format === "csv" ? "text/csv" : "application/sparql-results+json, application/ld+json;q=0.9";
  const response = await post(state.lastQuery, accept, format === "csv" ? "csv" : null);
  if (!response.ok) { setStatus(`Download failed (${response.status}): ${(await response.text()).trim()}`, true); return; }
  const blob = await response.blob();
  const a = el("a", null, { href: URL.createObjectURL(blob), download: "newskg-results." + (format === "csv" ? "csv" : "json") });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function showTab(name) {
  const table = name === "table";
  $("table-view").hidden = !table;
  $("timeline-view").hidden = table;
  $("tab-table").setAttribute("aria-selected", String(table));
  $("tab-timeline").setAttribute("aria-selected", String(!table));
}

async function init() {
  try { state.config = await (await fetch("/api/config")).json(); } catch (err) { /* defaults */ }
  $("timeout").placeholder = String(state.config.default_timeout || "");
  const select = $("examples");
  try {
    const examples = await (await fetch("/api/examples")).json();
    for (const example of examples) {
      const option = el("option", `${example.id} — ${example.title}`, { value: example.id });
      select.append(option);
    }
    select.addEventListener("change", () => {
      const chosen = examples.find((e) => e.id === select.value);
      if (chosen) $("query").value = chosen.query;
    });
    if (!examples.length) select.firstElementChild.textContent = "(no example queries on this server)";
    document.body.dataset.examples = String(examples.length);
  } catch (err) {
    setStatus("Could not load the example queries: " + err, true);
  }
  $("run").addEventListener("click", () => run());
  $("query").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
    if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      const area = event.target, start = area.selectionStart;
      area.setRangeText("  ", start, area.selectionEnd, "end");
    }
  });
  $("timeline-all").addEventListener("click", async () => { $("query").value = TIMELINE_QUERY; await run(TIMELINE_QUERY); showTab("timeline"); });
  $("download-csv").addEventListener("click", () => download("csv"));
  $("download-json").addEventListener("click", () => download("json"));
  $("tab-table").addEventListener("click", () => showTab("table"));
  $("tab-timeline").addEventListener("click", () => showTab("timeline"));
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", init);
