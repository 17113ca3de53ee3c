/* The interactive map: pan and zoom on the inline SVG, tooltips that quote
   the evidence, a search that highlights an actor and its neighbours, and a
   date filter. The graph comes from #map-data; its actor i and edge i are
   the SVG groups with ids "a<i>" and "e<i>" (written by entente's DOT
   writer). The URL fragment "#search=NAME&from=DATE&to=DATE" is applied on
   load, so a view can be bookmarked or shared. No libraries, no network. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var svg = document.querySelector("#viewport > svg");
  var viewport = document.getElementById("viewport");
  var tooltip = document.getElementById("tooltip");
  var statusLine = document.getElementById("status");
  var inputs = {
    search: document.getElementById("search"),
    from: document.getElementById("from"),
    to: document.getElementById("to")
  };
  var actorEls = data.actors.map(function (a, i) { return document.getElementById("a" + i); });
  var edgeEls = data.edges.map(function (e, i) { return document.getElementById("e" + i); });
  var neighbours = data.actors.map(function () { return []; });

  function each(list, fn) { for (var i = 0; i < list.length; i++) if (list[i]) fn(list[i], i); }

  function prepareSvg() {
    // The SVG's own tooltips would double ours.
    each(svg.querySelectorAll("title"), function (t) { t.remove(); });
    each(svg.querySelectorAll("a"), function (a) {
      a.removeAttribute("xlink:title");
      a.removeAttributeNS("http://www.w3.org/1999/xlink", "title");
    });
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    each(actorEls, function (el, i) { el.setAttribute("data-actor", data.actors[i].id); });
    each(edgeEls, function (el, i) { el.setAttribute("data-edge", String(i)); });
    data.edges.forEach(function (e) {
      neighbours[e.s].push(e.t);
      neighbours[e.t].push(e.s);
    });
  }

  /* ---- pan and zoom: the SVG's viewBox is the camera ---- */
  var home = svg.viewBox.baseVal;
  var fullView = [home.x, home.y, home.width, home.height];
  var view = fullView.slice();
  function showView() { svg.setAttribute("viewBox", view.join(" ")); }
  function toSvgPoint(clientX, clientY) {
    var p = svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoom(factor, clientX, clientY) {
    var box = svg.getBoundingClientRect();
    var c = toSvgPoint(clientX === undefined ? box.left + box.width / 2 : clientX,
                       clientY === undefined ? box.top + box.height / 2 : clientY);
    var w = view[2] * factor;
    if (w < fullView[2] / 60 || w > fullView[2] * 4) return;
    view = [c.x - (c.x - view[0]) * factor, c.y - (c.y - view[1]) * factor, w, view[3] * factor];
    showView();
  }
  function fitTo(box) {
    var pad = Math.max(box.width, box.height) * 0.15 + 20;
    view = [box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad];
    showView();
  }
  function setUpPanZoom() {
    viewport.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoom(Math.exp(Math.max(-100, Math.min(100, e.deltaY)) * 0.002), e.clientX, e.clientY);
    }, { passive: false });
    var drag = null;
    viewport.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, view: view.slice(), scale: 1 / svg.getScreenCTM().a };
      viewport.classList.add("dragging");
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      view[0] = drag.view[0] - (e.clientX - drag.x) * drag.scale;
      view[1] = drag.view[1] - (e.clientY - drag.y) * drag.scale;
      showView();
    });
    window.addEventListener("pointerup", function () {
      drag = null;
      viewport.classList.remove("dragging");
    });
    document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.4); });
    document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.4); });
    document.getElementById("fit").addEventListener("click", function () {
      view = fullView.slice();
      showView();
    });
  }

  /* ---- tooltips ---- */
  function add(parent, tag, text, className) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (className) el.className = className;
    parent.appendChild(el);
    return el;
  }
  function fillActorTip(a, i) {
    add(tooltip, "h2", a.name);
    var facts = [a.role, a.kind, a.country, a.code].filter(Boolean).join(" \u00b7 ");
    add(tooltip, "p", facts);
    add(tooltip, "p", neighbours[i].length + " connection(s) on this map");
  }
  function fillEdgeTip(e) {
    add(tooltip, "h2", data.actors[e.s].name + " \u2014 " + e.relation + " \u2014 " + data.actors[e.t].name);
    if (e.relation === "affiliation") return;
    add(tooltip, "p", "CAMEO " + e.cameo + " (" + e.plover + "), " + e.quad_name);
    add(tooltip, "p", (e.dates.join(", ") || "undated") + "; " + e.sources + " source(s), " + e.count + " mention(s)");
    e.evidence.forEach(function (q) {
      var b = add(tooltip, "blockquote", q.text || "");
      add(b, "span", (q.text ? " " : "") + "(" + q.doc + ", sentence " + q.sentence + ")", "doc");
    });
  }
  function setUpTooltips() {
    viewport.addEventListener("mouseover", function (e) {
      var g = e.target.closest ? e.target.closest("g.node, g.edge") : null;
      if (!g) return;
      tooltip.textContent = "";
      if (g.hasAttribute("data-actor")) {
        var i = actorEls.indexOf(g);
        fillActorTip(data.actors[i], i);
      } else if (g.hasAttribute("data-edge")) {
        fillEdgeTip(data.edges[Number(g.getAttribute("data-edge"))]);
      } else {
        return;
      }
      tooltip.hidden = false;
    });
    viewport.addEventListener("mousemove", function (e) {
      if (tooltip.hidden) return;
      var x = Math.min(e.clientX + 14, window.innerWidth - tooltip.offsetWidth - 4);
      var y = e.clientY + 16;
      if (y + tooltip.offsetHeight > window.innerHeight) y = e.clientY - tooltip.offsetHeight - 8;
      tooltip.style.left = Math.max(0, x) + "px";
      tooltip.style.top = Math.max(0, y) + "px";
    });
    viewport.addEventListener("mouseout", function (e) {
      if (!e.relatedTarget || !viewport.contains(e.relatedTarget) ||
          !e.relatedTarget.closest("g.node, g.edge")) tooltip.hidden = true;
    });
  }

  /* ---- search ---- */
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  // Exact id or name first, then names with a word starting with the text,
  // then names containing it.
  function findActors(text) {
    var q = fold(text);
    if (!q) return [];
    var tiers = [[], [], []];
    data.actors.forEach(function (a, i) {
      var name = fold(a.name);
      if (fold(a.id) === q || name === q) tiers[0].push(i);
      else if ((" " + name).indexOf(" " + q) >= 0) tiers[1].push(i);
      else if (name.indexOf(q) >= 0 || fold(a.id).indexOf(q) >= 0) tiers[2].push(i);
    });
    return tiers[0].length ? tiers[0] : tiers[1].length ? tiers[1] : tiers[2];
  }
  function clearClasses(names) {
    each(actorEls.concat(edgeEls), function (el) {
      names.forEach(function (n) { el.classList.remove(n); });
    });
  }
  function applySearch(text) {
    clearClasses(["hit", "near", "dim"]);
    var hits = findActors(text);
    if (!fold(text)) return "";
    if (!hits.length) return "No actor matches \u201c" + text.trim() + "\u201d.";
    var isHit = {}, isNear = {};
    hits.forEach(function (i) { isHit[i] = true; });
    hits.forEach(function (i) {
      neighbours[i].forEach(function (n) { if (!isHit[n]) isNear[n] = true; });
    });
    each(actorEls, function (el, i) {
      el.classList.add(isHit[i] ? "hit" : isNear[i] ? "near" : "dim");
    });
    each(edgeEls, function (el, i) {
      var e = data.edges[i];
      el.classList.add(isHit[e.s] || isHit[e.t] ? "hit" : "dim");
    });
    zoomToClass("hit", "near");
    var near = Object.keys(isNear).length;
    var names = hits.slice(0, 3).map(function (i) { return data.actors[i].name; }).join(", ");
    if (hits.length > 3) names += " and " + (hits.length - 3) + " more";
    return names + ": " + near + " neighbour(s).";
  }
  function zoomToClass(a, b) {
    var left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    each(actorEls, function (el) {
      if (!el.classList.contains(a) && !el.classList.contains(b)) return;
      var r = el.getBoundingClientRect();
      var p = toSvgPoint(r.left, r.top), q = toSvgPoint(r.right, r.bottom);
      left = Math.min(left, p.x); top = Math.min(top, p.y);
      right = Math.max(right, q.x); bottom = Math.max(bottom, q.y);
    });
    if (left < right) fitTo({ x: left, y: top, width: right - left, height: bottom - top });
  }

  /* ---- date filter ---- */
  function overlaps(ranges, from, to) {
    return ranges.some(function (r) {
      return (!from || r[1] >= from) && (!to || r[0] <= to);
    });
  }
  function applyWindow(from, to) {
    clearClasses(["out"]);
    if (!from && !to) return "";
    var visible = data.actors.map(function () { return false; });
    var shown = 0, relations = 0;
    data.edges.forEach(function (e, i) {
      if (e.relation === "affiliation") return;
      relations++;
      if (overlaps(e.ranges, from, to)) {
        shown++;
        visible[e.s] = visible[e.t] = true;
      } else if (edgeEls[i]) {
        edgeEls[i].classList.add("out");
      }
    });
    each(actorEls, function (el, i) { if (!visible[i]) el.classList.add("out"); });
    data.edges.forEach(function (e, i) {
      if (e.relation === "affiliation" && !(visible[e.s] && visible[e.t]) && edgeEls[i]) edgeEls[i].classList.add("out");
    });
    return shown + " of " + relations + " relations " +
           (from && to ? "from " + from + " to " + to : from ? "from " + from : "until " + to) + ".";
  }

  function update() {
    var parts = [applyWindow(inputs.from.value, inputs.to.value), applySearch(inputs.search.value)];
    statusLine.textContent = parts.filter(Boolean).join(" ") ||
        data.actors.length + " actors, " + data.edges.length + " edges. Hover for details.";
  }
  function readFragment() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    ["search", "from", "to"].forEach(function (k) {
      if (params.has(k)) inputs[k].value = params.get(k);
    });
  }
  function setUpControls() {
    inputs.search.addEventListener("input", update);
    inputs.from.addEventListener("change", update);
    inputs.to.addEventListener("change", update);
    document.getElementById("clear").addEventListener("click", function () {
      inputs.search.value = inputs.from.value = inputs.to.value = "";
      update();
    });
    window.addEventListener("hashchange", function () { readFragment(); update(); });
    document.addEventListener("keydown", function (e) {
      if (e.target.tagName === "INPUT") {
        if (e.key === "Escape") { e.target.value = ""; update(); }
        return;
      }
      if (e.key === "/") { e.preventDefault(); inputs.search.focus(); }
      else if (e.key === "+" || e.key === "=") zoom(1 / 1.4);
      else if (e.key === "-") zoom(1.4);
      else if (e.key === "0") { view = fullView.slice(); showView(); }
    });
  }

  if (!svg) {
    statusLine.textContent = "This page holds no map.";
    document.documentElement.setAttribute("data-ready", "1");
    return;
  }
  prepareSvg();
  setUpPanZoom();
  setUpTooltips();
  setUpControls();
  readFragment();
  update();
  document.documentElement.setAttribute("data-ready", "1");
})();
