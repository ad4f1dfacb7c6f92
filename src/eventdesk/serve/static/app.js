/* eventdesk dashboard. Plain JS, no build step.
 *
 * Rule: text from the store (titles, bodies, names, places) is only ever put in the page with
 * text nodes / textContent (see el()); nothing from the API goes through innerHTML.
 */
(function () {
  "use strict";

  // PLOVER types, grouped by colour family: cooperation (greens/blues), verbal conflict
  // (ambers), material conflict (reds/purples).
  const TYPE_COLORS = {
    AGREE: "#2a9d8f", CONSULT: "#3a86ff", SUPPORT: "#52b788", CONCEDE: "#95b8a3",
    COOPERATE: "#1b7f79", AID: "#06b58a", RETREAT: "#8ab17d", REQUEST: "#118ab2",
    ACCUSE: "#f4a261", REJECT: "#e9c46a", THREATEN: "#f77f00", PROTEST: "#b5179e",
    SANCTION: "#7b2cbf", MOBILIZE: "#6c757d", COERCE: "#e63946", ASSAULT: "#9d0208",
  };
  const MODALITIES = ["asserted", "claimed", "negated", "hypothetical", "historical"];
  const PRECISION = { 1: "the town itself", 2: "near a town / part of a region", 3: "a region (its centre)" };
  const PAGE = 50;

  const color = (t) => TYPE_COLORS[t] || "#5c677d";

  // ---- DOM helpers: the only way this file makes elements ------------------------------
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "text") node.textContent = v;
        else if (k === "style") Object.assign(node.style, v);
        else if (k === "data") Object.assign(node.dataset, v);
        else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v);
      }
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  const $ = (id) => document.getElementById(id);
  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };
  const fmt = (n) => Number(n).toLocaleString("en-US");
  function debounce(fn, ms) {
    let t;
    return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
  }
  function typeTag(t) {
    return el("span", { class: "type" }, el("span", { class: "dot", style: { background: color(t) } }), t);
  }
  function actorNames(list) {
    return (list || []).map((a) => a.name).join(", ");
  }
  function toast(msg) {
    const t = $("toast");
    t.textContent = msg;
    t.classList.remove("hidden");
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => t.classList.add("hidden"), 5000);
  }

  // ---- API -------------------------------------------------------------------------------
  async function api(path, params) {
    const qs = params ? "?" + params.toString() : "";
    const r = await fetch(path + qs, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!r.ok) {
      let detail = r.statusText;
      try { const j = await r.json(); detail = typeof j.detail === "string" ? j.detail : JSON.stringify(j.detail); } catch (e) { /* not JSON */ }
      throw new Error(`${r.status}: ${detail}`);
    }
    return r.json();
  }

  // ---- filter state (mirrored in the URL hash, so a view can be bookmarked or shared) ----
  const state = { types: new Set(), modality: new Set(), actor: "", country: "", place: "", since: "", until: "", minConf: 0, text: "", area: "" };

  function params(extra) {
    const p = new URLSearchParams();
    for (const t of state.types) p.append("type", t);
    for (const m of state.modality) p.append("modality", m);
    if (state.actor) p.set("actor", state.actor);
    if (state.country) p.set("country", state.country);
    if (state.place) p.set("place", state.place);
    if (state.since) p.set("since", state.since);
    if (state.until) p.set("until", state.until);
    if (state.minConf > 0) p.set("min_confidence", String(state.minConf));
    if (state.text) p.set("text", state.text);
    if (state.area) p.set("area", state.area);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, String(v));
    return p;
  }
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    state.types = new Set(p.getAll("type"));
    state.modality = new Set(p.getAll("modality"));
    state.actor = p.get("actor") || "";
    state.country = p.get("country") || "";
    state.place = p.get("place") || "";
    state.since = p.get("since") || "";
    state.until = p.get("until") || "";
    state.minConf = parseFloat(p.get("min_confidence") || "0") || 0;
    state.text = p.get("text") || "";
    state.area = p.get("area") || "";
  }
  function writeHash() {
    const s = params().toString();
    history.replaceState(null, "", s ? "#" + s : location.pathname + location.search);
  }
  function syncInputs() {
    $("f-actor").value = state.actor;
    $("f-country").value = state.country;
    $("f-place").value = state.place;
    $("f-since").value = state.since;
    $("f-until").value = state.until;
    $("f-conf").value = state.minConf;
    $("f-conf-out").textContent = state.minConf.toFixed(2);
    $("f-text").value = state.text;
    $("area-chip").classList.toggle("hidden", !state.area);
    renderChips();
  }

  let facets = { types: [], modalities: [], countries: [] };

  function renderChips() {
    const types = $("f-types");
    clear(types);
    types.classList.toggle("some", state.types.size > 0);
    const known = new Map(facets.types.map(([t, n]) => [t, n]));
    for (const t of state.types) if (!known.has(t)) known.set(t, 0);
    for (const [t, n] of known) {
      types.appendChild(el("button", {
        type: "button", class: "chip" + (state.types.has(t) ? " on" : ""), "aria-pressed": String(state.types.has(t)),
        data: { type: t }, onclick: () => { toggle(state.types, t); changed(); },
      }, el("span", { class: "dot", style: { background: color(t) } }), t, el("span", { class: "n", text: fmt(n) })));
    }
    const mods = $("f-modality");
    clear(mods);
    mods.classList.toggle("some", state.modality.size > 0);
    const mcount = new Map(facets.modalities);
    for (const m of MODALITIES) {
      mods.appendChild(el("button", {
        type: "button", class: "chip" + (state.modality.has(m) ? " on" : ""), "aria-pressed": String(state.modality.has(m)),
        data: { modality: m }, onclick: () => { toggle(state.modality, m); changed(); },
      }, m, el("span", { class: "n", text: fmt(mcount.get(m) || 0) })));
    }
  }
  function toggle(set, v) { if (set.has(v)) set.delete(v); else set.add(v); }

  function changed() {
    writeHash();
    renderChips();
    refresh();
  }

  function bindFilters() {
    const onText = debounce(() => {
      state.actor = $("f-actor").value.trim();
      state.place = $("f-place").value.trim();
      state.text = $("f-text").value.trim();
      changed();
    }, 350);
    for (const id of ["f-actor", "f-place", "f-text"]) $(id).addEventListener("input", onText);
    $("f-country").addEventListener("change", () => { state.country = $("f-country").value; changed(); });
    $("f-since").addEventListener("change", () => { state.since = $("f-since").value; changed(); });
    $("f-until").addEventListener("change", () => { state.until = $("f-until").value; changed(); });
    const conf = debounce(() => changed(), 250);
    $("f-conf").addEventListener("input", () => {
      state.minConf = parseFloat($("f-conf").value) || 0;
      $("f-conf-out").textContent = state.minConf.toFixed(2);
      conf();
    });
    $("area-clear").addEventListener("click", () => { state.area = ""; syncInputs(); changed(); });
    $("net-top").addEventListener("input", debounce(() => {
      $("net-top-out").textContent = $("net-top").value;
      loadNetwork();
    }, 200));
    $("f-reset").addEventListener("click", () => {
      state.types.clear(); state.modality.clear();
      Object.assign(state, { actor: "", country: "", place: "", since: "", until: "", minConf: 0, text: "", area: "" });
      syncInputs();
      changed();
    });
  }

  // ---- refresh: every view follows the same filters --------------------------------------
  const seq = { map: 0, timeline: 0, network: 0, events: 0 };
  function busy(panel, on) {
    const p = $(panel) && $(panel).closest(".panel");
    if (p) p.classList.toggle("loading", on);
  }
  async function guarded(name, panel, fn) {
    const n = ++seq[name];
    busy(panel, true);
    try {
      await fn(() => n === seq[name]);
    } catch (e) {
      toast(`${name}: ${e.message}`);
    } finally {
      if (n === seq[name]) busy(panel, false);
    }
  }
  function refresh() {
    mapView.fullyLoaded = false;
    loadMap(true);
    loadTimeline();
    loadNetwork();
    loadEvents(true);
  }

  // ---- map -------------------------------------------------------------------------------
  const mapView = { map: null, layer: null, fitted: false, fullyLoaded: false };

  function clusterIcon(count, types) {
    // A ring coloured by the share of each type, the count in the middle.
    const total = Object.values(types).reduce((a, b) => a + b, 0) || 1;
    let acc = 0;
    const stops = Object.entries(types).sort((a, b) => b[1] - a[1]).map(([t, n]) => {
      const from = (acc / total) * 100;
      acc += n;
      return `${color(t)} ${from}% ${(acc / total) * 100}%`;
    });
    const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 44 : 52;
    const inner = el("span", { text: count >= 10000 ? Math.round(count / 1000) + "k" : fmt(count), style: { width: size - 10 + "px", height: size - 10 + "px" } });
    const ring = el("div", { class: "ed-cluster", data: { count: String(count) }, style: { width: size + "px", height: size + "px", background: `conic-gradient(${stops.join(", ")})` } }, inner);
    return L.divIcon({ html: ring, className: "ed-cluster-wrap", iconSize: [size, size] });
  }

  // Rings that cross the antimeridian jump from +180 to -180: shift the rest of the ring by 360
  // degrees so Leaflet draws one shape instead of a stripe across the whole map.
  function unwrap(geom) {
    if (!geom) return;
    const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
    for (const poly of polys) {
      for (const ring of poly) {
        let shift = 0;
        for (let i = 1; i < ring.length; i++) {
          const d = ring[i][0] + shift - ring[i - 1][0];
          if (d > 180) shift -= 360; else if (d < -180) shift += 360;
          ring[i] = [ring[i][0] + shift, ring[i][1]];
        }
      }
    }
  }

  function initMap() {
    const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.5, attributionControl: true }).setView([20, 20], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth · Leaflet");
    mapView.map = map;
    mapView.layer = L.layerGroup().addTo(map);
    // Countries from the vendored world-atlas TopoJSON are the base layer: no tile server.
    fetch("static/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((topo) => {
      const land = topojson.feature(topo, topo.objects.countries);
      // Antarctica reaches the pole, which Web Mercator cannot draw: leave it out.
      land.features = land.features.filter((f) => f.id !== "010");
      for (const f of land.features) unwrap(f.geometry);
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#b9c3cf", weight: 0.6, fillColor: "#f6f4ef", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    }).catch((e) => toast("boundaries: " + e.message));
    map.on("moveend", () => { if (!mapView.fullyLoaded) loadMap(false); });
    addPlaceLabels(map);
  }

  function boundsParam() {
    const b = mapView.map.getBounds().pad(0.25);
    const w = b.getWest(), e = b.getEast();
    if (e - w >= 360) return "-180,-90,180,90";
    return [w, Math.max(-90, b.getSouth()), e, Math.min(90, b.getNorth())].map((x) => x.toFixed(4)).join(",");
  }

  function loadMap(world) {
    return guarded("map", "map", async (current) => {
      const map = mapView.map;
      const extra = { zoom: Math.round(map.getZoom()) };
      if (!world) extra.bbox = boundsParam();
      const data = await api("api/map", params(extra));
      if (!current()) return;
      mapView.layer.clearLayers();
      let layer;
      if (data.mode === "points") {
        // Few enough to send as points: Leaflet.markercluster groups the dense ones.
        layer = L.markerClusterGroup({
          showCoverageOnHover: false, maxClusterRadius: 42, spiderfyOnMaxZoom: true, zoomToBoundsOnClick: false,
          iconCreateFunction: (c) => {
            const types = {};
            for (const m of c.getAllChildMarkers()) types[m.options.etype] = (types[m.options.etype] || 0) + 1;
            return clusterIcon(c.getChildCount(), types);
          },
        });
        for (const p of data.points) {
          const m = L.circleMarker([p.lat, p.lon], {
            radius: 7, color: "#ffffff", weight: 1.5, fillColor: color(p.event_type), fillOpacity: 0.92,
            className: "ed-marker", etype: p.event_type,
          });
          m.bindTooltip(el("div", {}, el("b", { text: p.event_type }), " · ", p.place || "", p.date ? " · " + p.date : ""), { className: "ed-tip", direction: "top" });
          m.on("click", () => openEvent(p.id));
          layer.addLayer(m);
        }
        // a cluster click narrows every view (the list first) to the cluster's events, then zooms in
        layer.on("clusterclick", (a) => {
          const b = a.layer.getBounds();
          filterArea(b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
          map.fitBounds(b.pad(0.5), { maxZoom: 10 });
        });
        mapView.fullyLoaded = world;
      } else {
        // Too many to ship: the server binned them on a grid for this zoom level.
        layer = L.layerGroup();
        for (const c of data.cells) {
          const m = L.marker([c.lat, c.lon], { icon: clusterIcon(c.count, c.types), keyboard: false });
          m.on("click", () => {
            const w = Math.floor((c.lon + 180) / data.cell) * data.cell - 180, s = Math.floor((c.lat + 90) / data.cell) * data.cell - 90;
            filterArea(w, s, w + data.cell, s + data.cell);
            map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 14));
          });
          layer.addLayer(m);
        }
      }
      mapView.layer.addLayer(layer);
      $("map-count").textContent = `${fmt(data.total)} located event${data.total === 1 ? "" : "s"}` + (world ? "" : " in view");
      $("map").dataset.total = String(data.total);
      $("map").dataset.mode = data.mode;
      if (!mapView.fitted && data.mode === "points" && data.points.length) {
        mapView.fitted = true;
        const b = L.latLngBounds(data.points.map((p) => [p.lat, p.lon]));
        map.fitBounds(b.pad(0.3), { maxZoom: 6, animate: false });
      }
    });
  }

  function filterArea(w, s, e, n) {
    const pad = 1e-4; // a cluster of one place has no extent: keep the point inside
    state.area = [w - pad, s - pad, e + pad, n + pad].map((x) => x.toFixed(4)).join(",");
    syncInputs();
    changed();
  }

  // Country names and major cities from the shipped data (no tile server): names appear as you zoom.
  function addPlaceLabels(map) {
    api("api/places").then((pl) => {
      const countries = L.layerGroup(), cities = L.layerGroup();
      const label = (cls, name) => L.divIcon({ className: "ed-label " + cls, html: el("span", { text: name }), iconSize: null });
      // the smaller a country, the closer one must zoom to see its name (so names do not pile up)
      const minArea = (z) => (z < 3 ? Infinity : z < 4 ? 400000 : z < 5 ? 60000 : z < 6 ? 5000 : 0);
      const show = () => {
        const z = Math.floor(map.getZoom());
        countries.clearLayers();
        for (const [name, lat, lon, , area] of pl.countries) {
          if (area < minArea(z)) continue;
          countries.addLayer(L.marker([lat, lon], { icon: label("country", name), interactive: false, keyboard: false }));
        }
        countries.addTo(map);
        if (z >= 5) cities.addTo(map); else cities.remove();
        $("map").dataset.labels = String(countries.getLayers().length + (z >= 5 ? cities.getLayers().length : 0));
      };
      for (const [name, lat, lon] of pl.cities) cities.addLayer(L.marker([lat, lon], { icon: label("city", name), interactive: false, keyboard: false }));
      map.on("zoomend", show);
      show();
      $("map").dataset.places = String(pl.countries.length + pl.cities.length);
    }).catch((e) => toast("places: " + e.message));
  }

  // ---- timeline (Vega-Lite) -------------------------------------------------------------
  let timelineView = null;
  function loadTimeline() {
    return guarded("timeline", "timeline", async (current) => {
      const data = await api("api/timeline", params({ interval: "auto" }));
      if (!current()) return;
      $("timeline-total").textContent = `${fmt(data.total)} dated event${data.total === 1 ? "" : "s"} · per ${data.interval}`;
      $("timeline").dataset.total = String(data.total);
      const types = Object.keys(TYPE_COLORS).concat([...new Set(data.series.map((r) => r.event_type))].filter((t) => !TYPE_COLORS[t]));
      const unit = { day: "yearmonthdate", week: { unit: "yearmonthdate", step: 7 }, month: "yearmonth", year: "year" }[data.interval];
      const spans = data.spans || [];
      $("timeline").dataset.spans = String(spans.length);
      const bars = {
        data: { values: data.series },
        params: [{ name: "brush", select: { type: "interval", encodings: ["x"] } }],
        mark: { type: "bar", tooltip: true },
        encoding: {
          x: { field: "period", type: "temporal", timeUnit: unit, title: null, axis: { grid: false, labelColor: "#6b7486", tickColor: "#e3e6ec", domainColor: "#e3e6ec" } },
          y: { aggregate: "sum", field: "count", type: "quantitative", title: null, axis: { labelColor: "#6b7486", gridColor: "#eef0f4", domain: false, tickCount: 4 } },
          color: { field: "event_type", type: "nominal", title: "type", legend: null,
            scale: { domain: types, range: types.map(color) } },
          order: { field: "event_type" },
          tooltip: [
            { field: "period", type: "temporal", timeUnit: unit, title: data.interval },
            { field: "event_type", title: "type" },
            { aggregate: "sum", field: "count", title: "events" },
          ],
        },
      };
      // Events dated only to a month or a year: a band over the whole period, not a bar on its first day.
      const bands = {
        data: { values: spans },
        mark: { type: "rect", color: "#7a869e", opacity: 0.35, tooltip: true, cornerRadius: 2 },
        encoding: {
          x: { field: "start", type: "temporal" },
          x2: { field: "end" },
          y: { value: 0 }, y2: { value: 9 }, // a strip along the top: it shows the period, hides no bar
          tooltip: [
            { field: "date", title: "dated only to" },
            { field: "precision", title: "precision" },
            { field: "count", title: "events" },
          ],
        },
      };
      const spec = {
        width: "container", height: 175, autosize: { type: "fit-x", contains: "padding" },
        layer: spans.length ? [bands, bars] : [bars],
        resolve: { scale: { x: "shared" } },
        config: { view: { stroke: null }, font: "system-ui, sans-serif", axis: { labelFontSize: 11 } },
      };
      const host = $("timeline");
      if (timelineView) { timelineView.finalize(); timelineView = null; }
      clear(host);
      if (!data.series.length && !spans.length) { host.appendChild(el("p", { class: "empty", text: "No dated events for these filters." })); return; }
      // ast + interpreter: Vega evaluates expressions without eval(), so the page's CSP can forbid it.
      const res = await vegaEmbed(host, spec, { mode: "vega-lite", actions: false, renderer: "svg", ast: true, expr: vega.expressionInterpreter });
      if (!current()) { res.view.finalize(); return; }
      timelineView = res.view;
      const applyBrush = debounce((v) => {
        const key = v && Object.keys(v)[0];
        if (!key || !v[key] || v[key].length !== 2) return;
        const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
        state.since = iso(Math.min(...v[key]));
        state.until = iso(Math.max(...v[key]));
        syncInputs();
        changed();
      }, 700);
      res.view.addSignalListener("brush", (_, v) => applyBrush(v));
    });
  }

  // ---- actor network (a small force layout in SVG) --------------------------------------
  // Fruchterman-Reingold in free space, then scaled to the box: nothing piles up on the edges.
  function layoutNetwork(nodes, edges, w, h) {
    const n = nodes.length;
    const idx = new Map(nodes.map((nd, i) => [nd.id, i]));
    const rnd = (i) => { const x = Math.sin(i * 12.9898 + 78.233) * 43758.5453; return x - Math.floor(x); }; // stable start
    const pos = nodes.map((_, i) => ({ x: rnd(i) * w, y: rnd(i + 999) * h, dx: 0, dy: 0 }));
    const k = Math.sqrt((w * h) / Math.max(n, 1)) * 0.6;
    const links = edges.map((e) => [idx.get(e.source), idx.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    let temp = w / 8;
    for (let it = 0; it < 400; it++) {
      for (const p of pos) { p.dx = 0; p.dy = 0; }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          const d = Math.max(Math.hypot(dx, dy), 0.5), f = (k * k) / d;
          pos[i].dx += (dx / d) * f; pos[i].dy += (dy / d) * f;
          pos[j].dx -= (dx / d) * f; pos[j].dy -= (dy / d) * f;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const d = Math.max(Math.hypot(dx, dy), 0.5), f = (d * d) / k;
        pos[a].dx -= (dx / d) * f; pos[a].dy -= (dy / d) * f;
        pos[b].dx += (dx / d) * f; pos[b].dy += (dy / d) * f;
      }
      for (const p of pos) { // gravity: separate islands stay near the middle
        p.dx += (w / 2 - p.x) * 0.25; p.dy += (h / 2 - p.y) * 0.25 * (w / h);
        const d = Math.max(Math.hypot(p.dx, p.dy), 0.01), step = Math.min(d, temp);
        p.x += (p.dx / d) * step; p.y += (p.dy / d) * step;
      }
      temp = Math.max(0.5, temp * 0.985);
    }
    // fit to the box, keeping room for labels
    const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const mx = 70, my = 20;
    const sx = (w - 2 * mx) / Math.max(x1 - x0, 1), sy = (h - 2 * my) / Math.max(y1 - y0, 1);
    return pos.map((p) => ({ x: mx + (p.x - x0) * sx, y: my + 6 + (p.y - y0) * sy }));
  }

  // Greedy label placement: for each node, busiest first, the first of a few spots around it whose
  // box overlaps no label already placed, no circle and stays inside; else no label (hover shows it).
  function placeLabels(nodes, pos, radius, w, h) {
    const boxes = [], out = [];
    const overlaps = (b) => boxes.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1);
    const circles = nodes.map((n, i) => ({ x: pos[i].x, y: pos[i].y, r: radius(n) }));
    const hitsCircle = (b, self) => circles.some((c, j) => j !== self && c.x + c.r > b.x0 && c.x - c.r < b.x1 && c.y + c.r > b.y0 && c.y - c.r < b.y1);
    nodes.forEach((n, i) => {
      const text = n.id.length > 22 ? n.id.slice(0, 21) + "…" : n.id;
      const tw = text.length * 6.1 + 4, th = 12, r = radius(n), p = pos[i];
      const spots = [
        { x: p.x, y: p.y - r - 3, anchor: "middle", box: [p.x - tw / 2, p.y - r - 3 - th, p.x + tw / 2, p.y - r - 3] },
        { x: p.x, y: p.y + r + th, anchor: "middle", box: [p.x - tw / 2, p.y + r + 1, p.x + tw / 2, p.y + r + 1 + th] },
        { x: p.x + r + 3, y: p.y + 4, anchor: "start", box: [p.x + r + 2, p.y - th / 2, p.x + r + 2 + tw, p.y + th / 2] },
        { x: p.x - r - 3, y: p.y + 4, anchor: "end", box: [p.x - r - 2 - tw, p.y - th / 2, p.x - r - 2, p.y + th / 2] },
      ];
      out[i] = null;
      for (const s of spots) {
        const b = { x0: s.box[0], y0: s.box[1], x1: s.box[2], y1: s.box[3] };
        if (b.x0 < 0 || b.x1 > w || b.y0 < 0 || b.y1 > h || overlaps(b) || hitsCircle(b, i)) continue;
        boxes.push(b);
        out[i] = { x: s.x, y: s.y, anchor: s.anchor, text, box: b };
        break;
      }
    });
    return out;
  }

  function loadNetwork() {
    return guarded("network", "network", async (current) => {
      const top = Number($("net-top").value) || 12;
      const data = await api("api/network", params({ limit: 200, top }));
      if (!current()) return;
      const host = $("network");
      clear(host);
      const w = host.clientWidth || 400, h = host.clientHeight || 200;
      host.setAttribute("viewBox", `0 0 ${w} ${h}`);
      $("network-info").textContent = data.edges.length ? `${data.nodes.length} actors · ${data.edges.length} links` : "";
      if (!data.edges.length) {
        const t = svg("text", { x: w / 2, y: h / 2, "text-anchor": "middle", fill: "#6b7486" });
        t.textContent = "No actor → recipient pairs for these filters.";
        host.appendChild(t);
        return;
      }
      const pos = layoutNetwork(data.nodes, data.edges, w, h);
      host.dataset.actors = String(data.nodes.length);
      const idx = new Map(data.nodes.map((n, i) => [n.id, i]));
      const maxE = Math.max(...data.edges.map((e) => e.count));
      const maxN = Math.max(...data.nodes.map((n) => n.weight));
      const defs = svg("defs");
      const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "7", markerHeight: "7", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" });
      marker.appendChild(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#9aa3b5" }));
      defs.appendChild(marker);
      host.appendChild(defs);
      const radius = (n) => 3.5 + 7 * Math.sqrt(n.weight / maxN);
      const gEdges = svg("g"), gNodes = svg("g");
      const lines = [];
      for (const e of data.edges) {
        const a = pos[idx.get(e.source)], b = pos[idx.get(e.target)];
        if (!a || !b || a === b) continue;
        const rb = radius(data.nodes[idx.get(e.target)]);
        const d = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 1);
        const line = svg("line", { x1: a.x, y1: a.y, x2: b.x - ((b.x - a.x) / d) * (rb + 2), y2: b.y - ((b.y - a.y) / d) * (rb + 2),
          "stroke-width": (0.8 + 4 * Math.sqrt(e.count / maxE)).toFixed(2), "marker-end": "url(#arrow)" });
        const title = svg("title");
        title.textContent = `${e.source} → ${e.target}: ${e.count} event${e.count === 1 ? "" : "s"}`;
        line.appendChild(title);
        line.dataset.s = e.source; line.dataset.t = e.target;
        lines.push(line);
        gEdges.appendChild(line);
      }
      const labels = placeLabels(data.nodes, pos, radius, w, h);
      data.nodes.forEach((n, i) => {
        const g = svg("g", { class: "node", tabindex: "0", "data-id": n.id });
        const c = svg("circle", { cx: pos[i].x, cy: pos[i].y, r: radius(n), fill: "#2f5bea", "fill-opacity": "0.8" });
        // a label where it overlaps no other label (busiest actors first); the rest on hover
        const lb = labels[i];
        const t = svg("text", lb ? { x: lb.x, y: lb.y, "text-anchor": lb.anchor } : { x: pos[i].x, y: pos[i].y });
        t.textContent = lb ? lb.text : "";
        if (lb) t.setAttribute("class", "shown");
        const title = svg("title");
        title.textContent = `${n.id}: ${n.weight} event link${n.weight === 1 ? "" : "s"} (click to filter)`;
        g.append(c, t, title);
        g.addEventListener("click", () => { state.actor = n.id; syncInputs(); changed(); });
        g.addEventListener("mouseenter", () => {
          for (const l of lines) l.classList.toggle("dim", l.dataset.s !== n.id && l.dataset.t !== n.id);
        });
        g.addEventListener("mouseleave", () => { for (const l of lines) l.classList.remove("dim"); });
        gNodes.appendChild(g);
      });
      host.append(gEdges, gNodes);
    });
  }

  // "claimed by X" when the text says who claims it
  function modalityText(e) {
    return e.modality === "claimed" && e.claimed_by && e.claimed_by.name ? `claimed by ${e.claimed_by.name}` : e.modality;
  }

  // ---- event list --------------------------------------------------------------------------
  let listOffset = 0;
  function eventItem(e) {
    const loc = e.location;
    const who = actorNames(e.actors) || "unknown actor";
    return el("li", { tabindex: "0", data: { id: e.id }, onclick: () => openEvent(e.id), onkeydown: (ev) => { if (ev.key === "Enter") openEvent(e.id); } },
      el("div", { class: "meta" }, typeTag(e.event_type), e.mode ? el("span", { text: e.mode }) : null, el("span", { text: e.date || "date unknown" }),
        e.modality !== "asserted" ? el("span", { class: "badge " + e.modality, text: modalityText(e) }) : null),
      el("div", { class: "who" }, who, e.recipients && e.recipients.length ? " → " + actorNames(e.recipients) : ""),
      el("div", { class: "where", text: loc ? [loc.name, loc.country].filter(Boolean).join(", ") : "no location" }),
      el("div", { class: "excerpt", text: e.evidence.sentence }));
  }
  function loadEvents(reset) {
    if (reset) listOffset = 0;
    return guarded("events", "event-list", async (current) => {
      const data = await api("api/events", params({ limit: PAGE, offset: listOffset, order: "-date" }));
      if (!current()) return;
      const list = $("event-list");
      if (reset) clear(list);
      if (!data.events.length && reset) list.appendChild(el("li", { class: "empty", text: "No events match these filters." }));
      for (const e of data.events) list.appendChild(eventItem(e));
      listOffset += data.events.length;
      $("events-total").textContent = fmt(data.total);
      $("more").classList.toggle("hidden", listOffset >= data.total);
    });
  }

  // ---- tabs, detail views -------------------------------------------------------------------
  function showTab(name) {
    for (const b of document.querySelectorAll(".tabs button")) b.classList.toggle("active", b.dataset.tab === name);
    $("tab-events").classList.toggle("hidden", name !== "events");
    $("tab-search").classList.toggle("hidden", name !== "search");
    closeDetail();
  }
  const history_ = [];
  function closeDetail() { $("detail").classList.add("hidden"); history_.length = 0; }
  function showDetail(nodes, kind, id) {
    const d = clear($("detail"));
    d.dataset.kind = kind;
    d.dataset.id = id;
    const back = el("button", { type: "button", class: "back", onclick: () => {
      history_.pop();
      const prev = history_.pop();
      if (prev) (prev.kind === "event" ? openEvent : openArticle)(prev.id); else closeDetail();
    } }, "← Back");
    d.appendChild(el("div", { class: "detail-bar" }, back, el("span", { class: "muted", text: kind === "event" ? "Event" : "Article" })));
    append(d, nodes);
    d.classList.remove("hidden");
    d.scrollTop = 0;
    history_.push({ kind, id });
  }

  function actorLine(a) {
    const extra = [a.country, a.sector].filter(Boolean).join(" · ");
    return el("div", {}, a.name, a.text && a.text !== a.name ? el("span", { class: "sub", text: ` (“${a.text}”)` }) : null,
      extra ? el("span", { class: "sub", text: "  " + extra }) : null);
  }

  // Where a sentence is in the body: its offsets, or (another version of the text) where it occurs.
  function locate(body, m) {
    let s = m ? m.start : -1, e = m ? m.end : -1;
    if (m && body.slice(s, e) !== m.sentence) {
      s = m.sentence ? body.indexOf(m.sentence) : -1;
      e = s + (m.sentence || "").length;
    }
    return s < 0 || e <= s ? null : [s, e];
  }

  // The article body with the evidence sentence and every other mention of the event in this
  // article marked: text nodes around <mark>s, nothing parsed as markup.
  function bodyWithEvidence(body, ev, mentions) {
    const box = el("div", { class: "article-body" });
    const ranges = [];
    const at = locate(body, ev);
    if (at) ranges.push([at[0], at[1], "evidence-mark"]);
    for (const m of mentions || []) {
      const r = locate(body, m);
      if (r && !ranges.some(([s, e]) => r[0] < e && s < r[1])) ranges.push([r[0], r[1], "mention-mark"]);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    let pos = 0, mark = null;
    for (const [s, e, cls] of ranges) {
      const node = el("mark", { class: cls, text: body.slice(s, e) });
      if (cls === "evidence-mark") mark = node;
      append(box, [body.slice(pos, s), node]);
      pos = e;
    }
    append(box, [body.slice(pos)]);
    return { box, mark };
  }

  function articleHeader(a) {
    // no invented date: say where it comes from, or that there is none
    const hints = a.date_hints || [];
    const meta = [a.published || (hints.length ? `no publication date; dated by its text: ${hints.join(", ")}` : "publication date unknown")];
    const parts = [el("div", { class: "article-title", text: a.title || "(no title)" })];
    const m = el("div", { class: "article-meta" }, meta.join(""), " · ", el("span", { text: a.id }));
    if (a.url && /^https?:\/\//i.test(a.url)) { // only web links become links (no javascript: URLs)
      append(m, [" · ", el("a", { href: a.url, target: "_blank", rel: "noopener noreferrer nofollow", text: a.url })]);
    }
    parts.push(m);
    return parts;
  }

  function refList(items, onPick, line) {
    if (!items.length) return el("p", { class: "muted", text: "None." });
    return el("ul", { class: "refs" }, items.map((it) => el("li", { tabindex: "0", onclick: () => onPick(it), onkeydown: (ev) => { if (ev.key === "Enter") onPick(it); } }, line(it))));
  }

  async function openEvent(id) {
    try {
      const data = await api("api/events/" + encodeURIComponent(id));
      const e = data.event, loc = e.location;
      const facts = el("dl", { class: "facts" },
        el("dt", { text: "Actors" }), el("dd", {}, e.actors.length ? e.actors.map(actorLine) : "unknown"),
        el("dt", { text: "Recipients" }), el("dd", {}, e.recipients.length ? e.recipients.map(actorLine) : "none"),
        el("dt", { text: "Place" }), el("dd", {}, loc
          ? [el("div", { text: [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") }),
            el("div", { class: "sub", text: `precision ${loc.precision}: ${PRECISION[loc.precision] || "?"} · ${Number(loc.lat).toFixed(3)}, ${Number(loc.lon).toFixed(3)}` + (loc.text && loc.text !== loc.name ? ` · read as “${loc.text}”` : "") })]
          : "not located"),
        el("dt", { text: "Date" }), el("dd", {}, e.date || "unknown",
          el("span", { class: "sub", text: [e.date_precision ? ` precision: ${e.date_precision}` : "", e.date_text ? ` · from “${e.date_text}”` : ""].join("") })),
        el("dt", { text: "Modality" }), el("dd", {}, el("span", { class: "badge " + e.modality, text: modalityText(e) })),
        el("dt", { text: "Confidence" }), el("dd", {}, el("span", { class: "conf" }, el("i", { style: { width: Math.round(100 * e.confidence) + "%" } })), Number(e.confidence).toFixed(2)),
        e.fatalities !== null && e.fatalities !== undefined ? [el("dt", { text: "Fatalities" }), el("dd", { text: String(e.fatalities) })] : null,
        e.acled_event_type ? [el("dt", { text: "ACLED" }), el("dd", { text: [e.acled_event_type, e.acled_sub_event_type].filter(Boolean).join(" / ") })] : null,
        e.cameo_root ? [el("dt", { text: "CAMEO" }), el("dd", { text: `root ${e.cameo_root}` + (e.goldstein !== null && e.goldstein !== undefined ? ` · Goldstein ${e.goldstein}` : "") })] : null,
        e.contexts && e.contexts.length ? [el("dt", { text: "Contexts" }), el("dd", { text: e.contexts.join(", ") })] : null,
      );
      const nodes = [
        el("div", { class: "meta" }, typeTag(e.event_type), e.mode ? el("span", { class: "muted", text: "  " + e.mode }) : null),
        el("h1", {}, actorNames(e.actors) || "Unknown actor", e.recipients.length ? " → " + actorNames(e.recipients) : ""),
        facts,
        el("blockquote", { class: "evidence", text: e.evidence.sentence }),
      ];
      let mark = null;
      if (data.article) {
        nodes.push(el("h4", { text: "In the article" }));
        nodes.push(...articleHeader(data.article));
        const here = (e.mentions || []).filter((m) => m.article_id === data.article.id);
        const r = bodyWithEvidence(data.article.body, e.evidence, here);
        r.box.classList.add("boxed");
        mark = r.mark;
        nodes.push(r.box);
      }
      const mentions = e.mentions || [];
      if (mentions.length > 1) { // every sentence that reports this event, in every article
        nodes.push(el("h4", { text: `Mentioned in ${mentions.length} sentences` }));
        nodes.push(refList(mentions, (m) => openArticle(m.article_id), (m) => [
          el("div", { class: "mention", text: m.sentence }),
          el("div", { class: "files", text: m.article_id === e.article_id ? "this article" : m.article_id })]));
      }
      const story = data.story_articles || data.story || [];
      if (story.length) { // the other articles of this event's story, when the API gives them
        nodes.push(el("h4", { text: `Same story: ${story.length} article${story.length === 1 ? "" : "s"}` }));
        nodes.push(refList(story, (s) => openArticle(s.id), (s) => [el("div", { text: s.title || s.id }),
          el("div", { class: "files", text: s.published || "" })]));
      }
      nodes.push(el("h4", { text: `Reported by ${data.sources.length} article${data.sources.length === 1 ? "" : "s"}` }));
      nodes.push(refList(data.sources, (s) => openArticle(s.id), (s) => [
        el("div", { text: s.title || s.id }),
        el("div", { class: "files", text: [s.published || "", ...s.files.map((f) => `${f.path} #${f.index}`)].filter(Boolean).join(" · ") })]));
      nodes.push(el("h4", { text: "Duplicates and same-story articles" }));
      nodes.push(refList(data.related, (r) => openArticle(r.id), (r) => [el("div", { class: "rel", text: r.relation }), el("div", { text: r.title })]));
      showDetail(nodes, "event", e.id);
      if (mark) { // the card stays at its top; the article box scrolls to the evidence
        const box = mark.parentNode;
        box.scrollTop = Math.max(0, mark.offsetTop - 40); // the box is the mark's offsetParent
      }
    } catch (err) {
      toast("event: " + err.message);
    }
  }

  async function openArticle(id) {
    try {
      const data = await api("api/articles/" + encodeURIComponent(id));
      const a = data.article;
      const nodes = [...articleHeader(a)];
      if (a.captions && a.captions.length) nodes.push(el("ul", { class: "captions" }, a.captions.map((c) => el("li", { text: c }))));
      nodes.push(el("div", { class: "article-body", text: a.body }));
      nodes.push(el("h4", { text: `Read from ${a.sources.length} file position${a.sources.length === 1 ? "" : "s"}` }));
      nodes.push(el("ul", { class: "refs" }, a.sources.map((s) => el("li", { class: "files", text: `${s.path} #${s.index}` + (s.url ? ` · ${s.url}` : "") }))));
      nodes.push(el("h4", { text: "Duplicates and same-story articles" }));
      nodes.push(refList(data.related, (r) => openArticle(r.id), (r) => [el("div", { class: "rel", text: r.relation }), el("div", { text: r.title })]));
      nodes.push(el("h4", { text: `Events coded from it (${data.events.length})` }));
      nodes.push(refList(data.events, (e) => openEvent(e.id), (e) => [
        el("div", { class: "meta" }, typeTag(e.event_type), el("span", { class: "muted", text: "  " + (e.date || "") })),
        el("div", { text: e.evidence.sentence })]));
      showDetail(nodes, "article", a.id);
    } catch (err) {
      toast("article: " + err.message);
    }
  }

  // ---- search ------------------------------------------------------------------------------
  async function runSearch(q) {
    showTab("search");
    const list = clear($("search-list"));
    $("search-hint").classList.toggle("hidden", !!q);
    if (!q) return;
    try {
      const data = await api("api/search", new URLSearchParams({ q, limit: "50" }));
      $("search-total").textContent = fmt(data.hits.length) + (data.hits.length === 50 ? "+" : "");
      if (!data.hits.length) list.appendChild(el("li", { class: "empty", text: `No article contains all of: ${q}` }));
      for (const h of data.hits) {
        const snip = el("div", { class: "excerpt" }, h.snippet.map(([t, hit]) => (hit ? el("mark", { text: t }) : t)));
        list.appendChild(el("li", { tabindex: "0", data: { id: h.id }, onclick: () => openArticle(h.id) },
          el("div", { class: "title", text: h.title || "(no title)" }),
          el("div", { class: "meta", text: h.published || "date unknown" }), snip));
      }
    } catch (err) {
      toast("search: " + err.message);
    }
  }

  // ---- start -------------------------------------------------------------------------------
  async function start() {
    readHash();
    bindFilters();
    for (const b of document.querySelectorAll(".tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));
    $("more").addEventListener("click", () => loadEvents(false));
    $("search-form").addEventListener("submit", (ev) => { ev.preventDefault(); runSearch($("search-q").value.trim()); });
    initMap();
    try {
      const [st, fc] = await Promise.all([api("api/stats"), api("api/facets")]);
      facets = fc;
      append(clear($("summary")), [el("b", { text: fmt(st.events) }), " events · ", el("b", { text: fmt(st.articles) }), " articles · ",
        el("b", { text: fmt(st.located_events) }), " located"]);
      const sel = $("f-country");
      for (const [code, n, name] of fc.countries) sel.appendChild(el("option", { value: code, text: `${name || code} (${fmt(n)})` }));
    } catch (err) {
      toast("stats: " + err.message);
    }
    syncInputs();
    refresh();
  }
  window.eventdesk = { state, refresh, openEvent, openArticle, map: () => mapView.map };
  document.addEventListener("DOMContentLoaded", start);
})();
