// The kg explorer: search, filters and panels over the data block written by kg.export.html.
// Every string from the store reaches the page through textContent (el() below), never as HTML.
"use strict";

var KG = JSON.parse(document.getElementById("kg-data").textContent);
var network;

(function () {
  const byId = (id) => document.getElementById(id);
  const fold = (s) => (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const rank = (status) => { const i = KG.statuses.indexOf(status); return i < 0 ? KG.statuses.length : i; };
  const nodeById = new Map(KG.nodes.map((n) => [n.id, n]));
  for (const e of KG.edges) e.items = e.meetings.map((i) => KG.meetings[i]);
  KG.relations = KG.relations || [];
  KG.relation_colours = KG.relation_colours || {};
  const relById = new Map(KG.relations.map((r) => [r.id, r]));
  const dates = [...new Set([...KG.meetings, ...(KG.relations || []).flatMap((r) => r.items)]
    .map((it) => it.date).filter(Boolean))].sort();  // meetings' and relations' dates

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
    return node;
  }

  function sourceLink(source) {
    if (!source) return null;
    if (/^https?:\/\//i.test(source)) return el("a", { href: source, target: "_blank", rel: "noopener noreferrer" }, source);
    return el("span", {}, source);
  }

  // -- the network ------------------------------------------------------------------------------
  function nodeTitle(n) {
    const posts = n.posts.filter((p) => p.kind === "role").map((p) => p.title + (p.of ? " (" + p.of + ")" : ""));
    return [n.label + " (" + n.type + ")", ...posts.slice(0, 4)].join("\n");
  }

  // A meeting announced, held and listed in a headline is one event of three reports.
  // Busy pairs: meetings told only by reports not written into the page count too (more_meetings).
  const events = (items, e) => new Set(items.map((it) => (it.event === undefined || it.event === null ? it.meeting : it.event))).size +
    ((e && e.more_meetings) || 0);

  function edgeTitle(e, items) {
    const a = nodeById.get(e.from).label, b = nodeById.get(e.to).label;
    const counts = KG.statuses.map((s) => [s, items.filter((it) => it.status === s).length]).filter(([, c]) => c);
    return a + " — " + b + "\n" + events(items, e) + " meeting(s): " + items.length + " report(s), " +
      counts.map(([s, c]) => c + " " + s).join(", ") + "\nclick for the evidence";
  }

  function edgeStyle(e, items) {
    const best = items.reduce((s, it) => (rank(it.status) < rank(s) ? it.status : s), items[0].status);
    return { color: KG.status_colours[best] || "#333", dashes: KG.status_dashes[best] || false,
             width: 1 + Math.min(events(items, e), 10), title: edgeTitle(e, items) };
  }

  const nodes = new vis.DataSet(KG.nodes.map((n) => ({
    id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, title: nodeTitle(n),
    color: KG.type_colours[n.type] || "#999", shape: "dot",
  })));
  const edges = new vis.DataSet(KG.edges.map((e) => Object.assign({ id: e.id, from: e.from, to: e.to }, edgeStyle(e, e.items))));
  function relationStyle(r, items) {
    const sure = items.some((it) => it.status === "asserted");
    return { color: KG.relation_colours[r.type] || "#d62728", dashes: sure ? false : [2, 6],
             width: 1 + Math.min(events(items), 5), arrows: r.directed ? "to" : "",
             title: nodeById.get(r.from).label + (r.directed ? " → " : " — ") + nodeById.get(r.to).label + "\n" +
               r.type + " (" + r.label + "): " + events(items) + " act(s), " + items.length + " report(s)\nclick for the evidence" };
  }
  edges.add(KG.relations.map((r) => Object.assign({ id: r.id, from: r.from, to: r.to }, relationStyle(r, r.items))));
  network = new vis.Network(byId("kg-graph"), { nodes: nodes, edges: edges }, {
    physics: { enabled: false, stabilization: false, barnesHut: { springLength: 160 } },
    edges: { smooth: false },
    nodes: { font: { size: 14 } },
    interaction: { hover: true, tooltipDelay: 150 },
  });

  // -- filters ----------------------------------------------------------------------------------
  function boxes(fieldset, name, values, colours) {
    for (const v of values) {
      const box = el("input", { type: "checkbox", name: name, value: v });
      box.checked = true;
      box.addEventListener("change", apply);
      fieldset.append(el("label", {}, box, " ", el("span", { style: "color:" + (colours[v] || "#333") }, "\u25cf "), v));
    }
  }
  boxes(byId("kg-statuses"), "status", KG.statuses, KG.status_colours);
  boxes(byId("kg-types"), "type", [...new Set(KG.nodes.map((n) => n.type))].sort(), KG.type_colours);
  boxes(byId("kg-relations"), "relation", Object.keys(KG.relation_colours), KG.relation_colours);
  if (!KG.relations.length) byId("kg-relations").hidden = true;
  const from = byId("kg-from"), to = byId("kg-to");
  from.max = to.max = String(Math.max(dates.length - 1, 0));
  to.value = to.max;
  if (!dates.length) byId("kg-dates").hidden = true;
  for (const input of [from, to, byId("kg-undated"), byId("kg-min-confidence"), byId("kg-min-reports")]) {
    input.addEventListener("input", apply);
  }
  byId("kg-physics").addEventListener("change", (ev) => network.setOptions({ physics: { enabled: ev.target.checked } }));

  function checked(name) {
    return new Set([...document.querySelectorAll("input[name=" + name + "]:checked")].map((b) => b.value));
  }

  function passes() {
    const statuses = checked("status");
    const lo = dates[Math.min(+from.value, +to.value)], hi = dates[Math.max(+from.value, +to.value)];
    const full = !dates.length || (+from.value === 0 && +to.value === dates.length - 1);
    const undated = byId("kg-undated").checked;
    const minConf = +byId("kg-min-confidence").value;
    byId("kg-from-label").textContent = lo || "";
    byId("kg-to-label").textContent = hi || "";
    byId("kg-conf-label").textContent = minConf.toFixed(2);
    const when = (it) => (it.date ? full || (it.date >= lo && it.date.slice(0, hi.length) <= hi) : undated);
    KG.relPass = (it) => it.confidence >= minConf && when(it);
    return (it) => statuses.has(it.status) && it.confidence >= minConf && when(it);
  }

  function visibleItems(e) {
    return e.items.filter(KG.pass);
  }

  function apply() {
    KG.pass = passes();
    const types = checked("type"), minReports = Math.max(1, +byId("kg-min-reports").value || 1);
    const shown = new Set(), edgeUpdates = [];
    for (const e of KG.edges) {
      const items = visibleItems(e);
      const ok = items.length >= minReports && types.has(nodeById.get(e.from).type) && types.has(nodeById.get(e.to).type);
      if (ok) { shown.add(e.from); shown.add(e.to); }
      edgeUpdates.push(Object.assign({ id: e.id, hidden: !ok }, ok ? edgeStyle(e, items) : {}));
    }
    const relations = checked("relation");
    for (const r of KG.relations) {
      const items = r.items.filter(KG.relPass);
      const ok = items.length > 0 && relations.has(r.type) && types.has(nodeById.get(r.from).type) && types.has(nodeById.get(r.to).type);
      if (ok) { shown.add(r.from); shown.add(r.to); }
      edgeUpdates.push(Object.assign({ id: r.id, hidden: !ok }, ok ? relationStyle(r, items) : {}));
    }
    edges.update(edgeUpdates);
    nodes.update(KG.nodes.map((n) => ({ id: n.id, hidden: !shown.has(n.id) })));
    byId("kg-count").textContent = "showing " + shown.size + " of " + KG.nodes.length + " actors, " +
      edgeUpdates.filter((u) => !u.hidden && typeof u.id === "number").length + " of " + KG.edges.length + " pairs" +
      (KG.relations.length ? ", " + edgeUpdates.filter((u) => !u.hidden && typeof u.id === "string").length + " of " + KG.relations.length + " relation links" : "");
  }

  // -- panels -----------------------------------------------------------------------------------
  function itemBlock(it, withWhom) {
    const head = [it.date || "undated", withWhom, it.status + " " + it.kind, it.place].filter(Boolean).join(" · ");
    return el("details", { class: "kg-item kg-status-" + it.status }, el("summary", {}, head),
      el("blockquote", { class: "kg-evidence" }, it.evidence || ""),
      el("div", { class: "kg-meta" }, "source: ", sourceLink(it.source) || "—", " · document ", it.document,
        " · confidence ", (+it.confidence).toFixed(2)));
  }

  function relationBlock(r, it) {
    const head = [it.date || "undated", r.type, nodeById.get(r.from).label + (r.directed ? " → " : " — ") + nodeById.get(r.to).label, it.status].join(" · ");
    return el("details", { class: "kg-item kg-relation" }, el("summary", {}, head),
      el("blockquote", { class: "kg-evidence" }, it.evidence || ""),
      el("div", { class: "kg-meta" }, "source: ", sourceLink(it.source) || "—", " · document ", it.document,
        " · confidence ", (+it.confidence).toFixed(2)));
  }

  function showRelation(id) {
    const r = relById.get(id);
    const items = r.items.filter(KG.relPass).slice().sort((a, b) => (a.date || "9999").localeCompare(b.date || "9999"));
    const blocks = items.map((it) => relationBlock(r, it));
    for (const b of blocks) b.open = true;
    openPanel(el("h2", {}, nodeById.get(r.from).label + (r.directed ? " → " : " — ") + nodeById.get(r.to).label),
      el("h3", {}, r.type + ": " + items.length + " report(s), in date order"), el("div", { id: "kg-relation-reports" }, ...blocks));
  }

  function openPanel(...children) {
    const body = byId("kg-panel-body");
    body.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
    byId("kg-panel").hidden = false;
  }

  function showNode(id) {
    const n = nodeById.get(id);
    const meetings = new Map();
    for (const e of KG.edges) {
      if (e.from !== id && e.to !== id) continue;
      const other = nodeById.get(e.from === id ? e.to : e.from).label;
      for (const it of visibleItems(e)) {
        const m = meetings.get(it.meeting) || { item: it, with: [] };
        m.with.push(other);
        meetings.set(it.meeting, m);
      }
    }
    const rows = [...meetings.values()].sort((a, b) => (a.item.date || "9999").localeCompare(b.item.date || "9999"));
    const span = (p) => (p.first ? " — " + (p.first === p.last ? p.first : p.first + " to " + p.last) : "");
    const roles = n.posts.filter((p) => p.kind === "role").map((p) => el("li", {}, p.title + (p.of ? " (" + p.of + ")" : "") + span(p)));
    const affs = n.posts.filter((p) => p.kind === "affiliation").map((p) => el("li", {}, p.of + span(p)));
    openPanel(
      el("h2", {}, n.label), el("div", { class: "kg-meta" }, n.type + (n.names.length > 1 ? " · also " + n.names.filter((x) => x !== n.label).join(", ") : "")),
      roles.length ? el("h3", {}, "Roles") : null, roles.length ? el("ul", {}, ...roles) : null,
      affs.length ? el("h3", {}, "Affiliations") : null, affs.length ? el("ul", {}, ...affs) : null,
      el("h3", {}, "Meetings (" + rows.length + ")"),
      el("div", { id: "kg-node-meetings" }, ...rows.map((m) => itemBlock(m.item, "with " + m.with.join(", ")))),
      ...relationsOf(id),
    );
  }

  function relationsOf(id) {
    const types = checked("relation");
    const blocks = KG.relations.filter((r) => (r.from === id || r.to === id) && types.has(r.type))
      .flatMap((r) => r.items.filter(KG.relPass).map((it) => relationBlock(r, it)));
    return blocks.length ? [el("h3", {}, "Relations (" + blocks.length + ")"), el("div", { id: "kg-node-relations" }, ...blocks)] : [];
  }

  function showEdge(id) {
    const e = KG.edges[id];
    const items = visibleItems(e).slice().sort((a, b) => (a.date || "9999").localeCompare(b.date || "9999"));
    const more = e.more ? el("p", { class: "kg-meta" }, e.more + " more report(s) not in this page") : null;
    const blocks = items.map((it) => itemBlock(it, null));
    for (const b of blocks) b.open = true;
    openPanel(el("h2", {}, nodeById.get(e.from).label + " — " + nodeById.get(e.to).label),
      el("h3", {}, events(items, e) + " meeting(s), " + items.length + " report(s), in date order"),
      el("div", { id: "kg-edge-meetings" }, ...blocks), more);
  }

  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showNode(id);
  }

  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length && typeof p.edges[0] === "string") showRelation(p.edges[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  byId("kg-close").addEventListener("click", () => { byId("kg-panel").hidden = true; });

  // -- search -----------------------------------------------------------------------------------
  const index = KG.nodes.map((n) => ({ id: n.id, keys: n.names.map(fold) }));
  function matches(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const score = (m) => (m.keys.includes(q) ? 0 : m.keys.some((k) => k.startsWith(q)) ? 1 : 2);
    return index.filter((m) => m.keys.some((k) => k.includes(q))).sort((a, b) => score(a) - score(b)).slice(0, 10);
  }
  const search = byId("kg-search");
  search.addEventListener("input", () => {
    byId("kg-matches").replaceChildren(...matches(search.value).map((m) => {
      const b = el("button", { type: "button" }, nodeById.get(m.id).label);
      b.addEventListener("click", () => select(m.id));
      return el("li", {}, b);
    }));
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    const found = matches(search.value);
    if (found.length) select(found[0].id);
  });

  // -- legend and notes ---------------------------------------------------------------------------
  byId("kg-legend").append(...Object.entries(KG.type_colours).map(([t, c]) => el("span", { style: "color:" + c }, "\u25cf " + t)),
    el("div", { class: "kg-meta" }, "edges: held solid, scheduled dashed, potential dotted, cancelled grey; width: number of meetings"));
  byId("kg-notes").append(...KG.notes.map((n) => el("li", {}, n)));
  KG.select = select;
  KG.apply = apply;
  apply();
})();
