// The Cypher workbench: CodeMirror with Cypher highlighting, JSON parameters, the library as one-click examples,
// and the answer of the read-only POST /cypher as a table and as a graph.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { StreamLanguage } from "@codemirror/language";
import { cypher } from "@codemirror/legacy-modes/mode/cypher";
import { FAMILIES, familyOf } from "./colours.js";
import { escapeHtml } from "./graph.js";

const SVG = "http://www.w3.org/2000/svg";

function cell(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cell).join(", ");
  if (typeof value === "object") {
    if (value.labels) return `(${value.labels.join(":")} ${value.properties?.name ?? value.properties?.id ?? ""})`;
    if (value.type && "start" in value) return `[${value.type} ${value.start} → ${value.end}]`;
    if (value.nodes) return `path of ${value.nodes.length} nodes`;
    return JSON.stringify(value);
  }
  return String(value);
}

// Every node and relationship anywhere in the rows (inside lists, maps and paths).
function collect(value, nodes, rels) {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) { value.forEach((v) => collect(v, nodes, rels)); return; }
  if (value.labels && value.properties?.id) { nodes.set(value.properties.id, value); return; }
  if (value.type && value.start && value.end) { rels.set(`${value.type}:${value.start}->${value.end}`, value); return; }
  if (value.nodes) { value.nodes.forEach((v) => collect(v, nodes, rels)); value.relationships.forEach((v) => collect(v, nodes, rels)); return; }
  Object.values(value).forEach((v) => collect(v, nodes, rels));
}

function table(answer) {
  const head = answer.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const rows = answer.rows.map((row) => `<tr>${answer.columns.map((c) => `<td>${escapeHtml(cell(row[c]))}</td>`).join("")}</tr>`);
  const more = answer.truncated ? ` (capped at ${answer.limit})` : "";
  return `<p class="row-count">${answer.row_count} rows${more} in ${answer.elapsed_ms} ms</p><table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function graph(answer, root) {
  const nodes = new Map(), rels = new Map();
  answer.rows.forEach((row) => collect(row, nodes, rels));
  root.replaceChildren();
  if (!nodes.size) { root.innerHTML = "<p>No nodes in this answer: return nodes or relationships to see a graph.</p>"; return; }
  const size = 640, r = Math.min(260, 40 + nodes.size * 12), place = new Map();
  [...nodes.keys()].forEach((id, i) => {
    const a = (2 * Math.PI * i) / nodes.size;
    place.set(id, [size / 2 + r * Math.cos(a), size / 2 + r * Math.sin(a)]);
  });
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", size); svg.setAttribute("height", size); svg.setAttribute("id", "result-svg");
  for (const rel of rels.values()) {
    const a = place.get(rel.start), b = place.get(rel.end);
    if (!a || !b) continue;
    const line = document.createElementNS(SVG, "line");
    Object.entries({ x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: "#777", class: "rel" }).forEach(([k, v]) => line.setAttribute(k, v));
    line.innerHTML = `<title>${escapeHtml(rel.type)}</title>`;
    svg.appendChild(line);
  }
  for (const [id, node] of nodes) {
    const [x, y] = place.get(id);
    const g = document.createElementNS(SVG, "g");
    g.setAttribute("class", "result-node");
    const fam = FAMILIES[familyOf({ label: node.labels[0], kind: node.properties.kind })] || FAMILIES.organisation;
    g.innerHTML = `<circle cx="${x}" cy="${y}" r="9" fill="${fam[0]}" stroke="${fam[1]}"></circle><text x="${x + 12}" y="${y + 4}" font-size="11">${escapeHtml(node.properties.name ?? id)}</text>`;
    svg.appendChild(g);
  }
  root.appendChild(svg);
}

export function startWorkbench() {
  const { library } = JSON.parse(document.getElementById("page-data").textContent);
  const params = document.getElementById("params");
  const status = document.getElementById("status");
  const tableRoot = document.getElementById("result-table"), graphRoot = document.getElementById("result-graph");
  const run = async () => {
    let parameters;
    try { parameters = JSON.parse(params.value || "{}"); } catch (error) { status.textContent = "parameters are not JSON: " + error.message; status.className = "error"; return true; }
    status.textContent = "running …"; status.className = "";
    const answer = await fetch("/cypher", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: view.state.doc.toString(), parameters }) });
    const body = await answer.json();
    if (!answer.ok) { status.textContent = body.error?.message || answer.statusText; status.className = "error"; return true; }
    status.textContent = `${body.row_count} rows`; status.dataset.rows = String(body.row_count);
    tableRoot.innerHTML = table(body);
    graph(body, graphRoot);
    return true;
  };
  const view = new EditorView({
    doc: "MATCH (b:Body)-[r:REPORTS_TO]->(t:Body)\nRETURN b, r, t\nLIMIT 25",
    extensions: [keymap.of([{ key: "Mod-Enter", run }]), basicSetup, StreamLanguage.define(cypher)],
    parent: document.getElementById("editor"),
  });
  window.landscapeEditor = view;
  document.getElementById("run").addEventListener("click", run);
  for (const button of document.querySelectorAll("button.example")) {
    button.addEventListener("click", () => {
      const query = library.find((q) => q.name === button.dataset.name);
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: query.text } });
      params.value = JSON.stringify(query.params, null, 1);
      run();
    });
  }
  for (const tab of document.querySelectorAll(".tabs button")) {
    tab.addEventListener("click", () => {
      document.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("on", b === tab));
      tableRoot.hidden = tab.dataset.tab !== "table"; graphRoot.hidden = tab.dataset.tab !== "graph";
    });
  }
}
