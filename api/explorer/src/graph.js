// The graph view: draws the server's layout (positions computed once for every line at any date), hides the lines
// and fades the bodies that do not hold at the slider's date, and expands a body's neighbours on click.
import { FAMILIES, RELATIONS, familyOf, GONE } from "./colours.js";

const SVG = "http://www.w3.org/2000/svg";
const PAD = 20;

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function wrap(text, width = 22) {
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/)) {
    if (line && (line + " " + word).length > width) { lines.push(line); line = word; } else line = line ? line + " " + word : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 4);
}

// Where the line from a box's centre towards (x, y) leaves the box.
function clip(box, x, y) {
  const dx = x - box.x, dy = y - box.y;
  if (!dx && !dy) return [box.x, box.y];
  const sx = dx ? (box.width / 2) / Math.abs(dx) : Infinity, sy = dy ? (box.height / 2) / Math.abs(dy) : Infinity;
  const s = Math.min(sx, sy, 1);
  return [box.x + dx * s, box.y + dy * s];
}

class GraphView {
  constructor(root, data) {
    this.root = root;
    this.slider = document.getElementById("as-of");
    this.label = document.getElementById("as-of-label");
    this.counter = document.getElementById("visible-lines");
    this.slider.addEventListener("input", () => this.applyDate());
    this.load(data);
  }

  load(data) {
    this.data = data;
    this.slider.max = String(Math.max(data.dates.length - 1, 0));
    if (Number(this.slider.value) > data.dates.length - 1 || !this.started) this.slider.value = this.slider.max;
    this.started = true;
    this.draw();
    this.applyDate();
    this.legend();
  }

  draw() {
    const { nodes, lines } = this.data;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const width = Math.max(...nodes.map((n) => n.x + n.width / 2), 200) + PAD * 2;
    const height = Math.max(...nodes.map((n) => n.y + n.height / 2), 100) + PAD * 2;
    this.root.replaceChildren();
    const svg = el("svg", { width, height, viewBox: `${-PAD} ${-PAD} ${width} ${height}`, id: "graph-svg" }, this.root);
    const defs = el("defs", {}, svg);
    for (const [type, colour] of Object.entries({ ...RELATIONS, OTHER: "#777777" })) {
      const marker = el("marker", { id: "arrow-" + type, viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "7",
        markerHeight: "7", orient: "auto-start-reverse" }, defs);
      el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour }, marker);
    }
    this.edges = [];
    for (const line of lines) {
      const a = byId.get(line.source), b = byId.get(line.target);
      if (!a || !b || a.x === undefined || b.x === undefined) continue;
      const [x1, y1] = clip(a, b.x, b.y), [x2, y2] = clip(b, a.x, a.y);
      const colour = RELATIONS[line.type] || "#777777";
      const edge = el("line", { x1, y1, x2, y2, stroke: colour, "stroke-width": line.type === "MERGED_INTO" ? 2.4 : 1.4,
        class: "edge" + (line.intention ? " intention" : ""), "marker-end": `url(#arrow-${RELATIONS[line.type] ? line.type : "OTHER"})`,
        "data-type": line.type, "data-source": line.source, "data-target": line.target }, svg);
      const title = el("title", {}, edge);
      title.textContent = `${a.name} ${line.type} ${b.name} (${line.status || ""}${line.valid_from ? ", from " + line.valid_from : ""}${line.valid_to ? ", to " + line.valid_to : ""})${line.quote ? "\n“" + line.quote + "”" : ""}`;
      this.edges.push([edge, line]);
    }
    this.nodes = [];
    for (const node of nodes) {
      if (node.x === undefined) continue;
      const [fill, border] = FAMILIES[familyOf(node)];
      const g = el("g", { class: "node" + (node.id === this.data.focus ? " focus" : ""), "data-id": node.id,
        transform: `translate(${node.x - node.width / 2},${node.y - node.height / 2})` }, svg);
      el("rect", { width: node.width, height: node.height, rx: node.label === "Role" ? node.height / 2 : 6, fill,
        stroke: border, "stroke-dasharray": GONE.has(node.status) ? "4 3" : "" }, g);
      const names = wrap(node.name || node.id);
      names.forEach((text, i) => {
        const t = el("text", { x: node.width / 2, y: node.height / 2 + (i - (names.length - 1) / 2) * 13 + 4,
          "text-anchor": "middle" }, g);
        t.textContent = text;
      });
      g.addEventListener("click", () => this.expand(node));
      this.nodes.push([g, node]);
    }
  }

  applyDate() {
    const i = Number(this.slider.value);
    const when = this.data.dates[i] || "";
    this.label.textContent = when;
    let shown = 0;
    for (const [edge, line] of this.edges) {
      const visible = line.intention || line.holds[i];
      edge.setAttribute("display", visible ? "inline" : "none");
      if (visible && !line.intention) shown += 1;
    }
    for (const [g, node] of this.nodes) g.classList.toggle("absent", !node.exists[i]);
    this.counter.textContent = `${shown} lines hold at ${when}`;
    this.counter.dataset.count = String(shown);
  }

  async expand(node) {
    const side = document.getElementById("selected");
    const link = node.label === "Body" ? `<p><a id="open-body" href="/explore/bodies/${encodeURIComponent(node.id)}">Open the page of ${escapeHtml(node.name)}</a></p>` : "";
    side.innerHTML = `<h3>${escapeHtml(node.name)}</h3><p>${escapeHtml(node.kind || node.label)} · ${escapeHtml(node.status || "")}</p>${link}`;
    const ids = this.data.nodes.map((n) => n.id).join(",");
    const params = new URLSearchParams({ ids, expand: node.id });
    const answer = await fetch("/explore/api/graph?" + params);
    if (!answer.ok) { side.insertAdjacentHTML("beforeend", `<p class="error">could not expand (${answer.status})</p>`); return; }
    const data = await answer.json();
    data.focus = this.data.focus;
    this.load(data);
  }

  legend() {
    const items = Object.values(FAMILIES).map(([fill, border, text]) =>
      `<div class="legend-item"><span class="swatch" style="background:${fill};border-color:${border}"></span>${text}</div>`);
    const lines = Object.entries(RELATIONS).map(([type, colour]) =>
      `<div class="legend-item"><span class="swatch" style="background:${colour}"></span>${type.toLowerCase().replace("_", " ")}</div>`);
    document.getElementById("legend").innerHTML = `<h3>Legend</h3>${items.join("")}${lines.join("")}<p>Dashed lines: planned or proposed (never facts). Faded bodies: not in existence at the date.</p>`;
  }
}

export function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

export function startGraph() {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  window.landscapeGraph = new GraphView(document.getElementById("graph"), data);
}
