namespace StatusKit.AspNetCore.Embed;

/// <summary>
/// The status embed: the script a team adds to its own site with one tag
/// (<c>&lt;script src="https://status.example.com/status/acme/embed.js" async&gt;&lt;/script&gt;</c>). It reads the
/// sibling <c>api/v2/summary.json</c> of its own URL and, while the page has an unresolved incident, degraded
/// components or maintenance in progress, shows a small card in a corner of the host page; when all is well it leaves nothing in the host's DOM.
/// </summary>
/// <remarks>
/// <para>
/// What the card shows: the most severe open item (incidents by impact, critical first; while no incident is open, the
/// components the page shows degraded or down, as a platform incident moves them without a public incident; then
/// maintenance in progress; among equals the latest updated), its latest update's state and message cut to 140
/// characters (for components, their names and statuses, under the page's status description; or "Maintenance in
/// progress"), its impact as the colour of the card's left edge (the status page's impact colours; an incident of no
/// impact takes the page's accent), a "View status" link to the item's own page, "+N more" linking to the status page
/// when other items are open, and a close button. Closing hides every item the card stood for until one of them gets a
/// newer update (<c>sessionStorage</c>, keyed by page URL, item id and <c>updated_at</c>; kept in memory for the tab's
/// life when storage is unavailable).
/// </para>
/// <para>
/// When: at once, then every 5 minutes while the tab is visible, and when the tab becomes visible
/// again at least a minute after the last read; never while hidden. No event stream: many visitors of a team's site must
/// not each hold one open.
/// </para>
/// <para>
/// Safety: operator text goes in with <c>textContent</c> only, never as markup; the card lives in a shadow root on an
/// element of its own (<c>&lt;statuskit-embed&gt;</c>, its host styles reset with <c>all: initial !important</c>) so the
/// host page's CSS cannot reach it and its CSS cannot reach the host; everything is inside one function (no globals);
/// its styles are a constructed stylesheet where the browser has them, which a host's <c>style-src</c> does not
/// restrict; links go to <c>http(s)</c> URLs built from the script's own URL and the items' ids only. The placeholders
/// <c>__ACCENT__</c> and <c>__ON_ACCENT__</c> are replaced with <c>#rrggbb</c> colours (<see cref="EmbedScripts"/>).
/// </para>
/// </remarks>
internal static class EmbedScript
{
    /// <summary>The placeholder of the accent colour in <see cref="Source"/>.</summary>
    public const string AccentPlaceholder = "__ACCENT__";

    /// <summary>The placeholder of the colour of text on the accent in <see cref="Source"/>.</summary>
    public const string OnAccentPlaceholder = "__ON_ACCENT__";

    /// <summary>The script, with <see cref="AccentPlaceholder"/> and <see cref="OnAccentPlaceholder"/> to fill in.</summary>
    public const string Source = """
        /* StatusKit status embed: shows a page's open incident, degraded components or maintenance in progress on another site. */
        (function () {
          "use strict";
          var script = document.currentScript;
          if (!script || !script.src || typeof fetch !== "function" || typeof URL !== "function") { return; }
          var base;
          try { base = new URL(".", script.src); } catch (e) { return; }
          if (base.protocol !== "https:" && base.protocol !== "http:") { return; }
          var pageUrl = base.href.replace(/\/$/, "");
          var summaryUrl = new URL("api/v2/summary.json", base).href;
          var POSITIONS = ["bottom-right", "bottom-left", "top-right", "top-left"];
          var position = script.getAttribute("data-position");
          if (POSITIONS.indexOf(position) < 0) { position = POSITIONS[0]; }
          var POLL_MS = 5 * 60 * 1000, MIN_AGE_MS = 60 * 1000, MAX_TEXT = 140;
          var RANK = { critical: 4, major: 3, minor: 2, none: 1, maintenance: 0 };
          var STATES = { investigating: "Investigating", identified: "Identified", monitoring: "Monitoring", update: "Update" };
          // An incident's impact in words too, not by the card's edge colour alone.
          var IMPACTS = { minor: "Minor impact", major: "Major impact", critical: "Critical impact" };
          var OUTAGES = {
            degraded_performance: ["minor", "Degraded Performance"], partial_outage: ["major", "Partial Outage"], major_outage: ["critical", "Major Outage"]
          };
          var CSS =
            ":host{all:initial !important;display:block !important;position:static !important}" +
            ".card{position:fixed;z-index:2147483000;box-sizing:border-box;width:340px;max-width:calc(100vw - 32px);display:flex;gap:8px;align-items:flex-start;" +
            "padding:12px 12px 12px 14px;border:1px solid #d0d7de;border-left:6px solid var(--edge);border-radius:8px;background:#fff;color:#1f2328;" +
            "box-shadow:0 8px 24px rgba(0,0,0,.18);font:14px/1.4 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;text-align:left;" +
            "--accent:__ACCENT__;--on-accent:__ON_ACCENT__;--edge:var(--accent);animation:sk-in .2s ease-out}" +
            ".bottom-right{bottom:16px;right:16px}.bottom-left{bottom:16px;left:16px}.top-right{top:16px;right:16px}.top-left{top:16px;left:16px}" +
            ".impact-minor{--edge:#9a6700}.impact-major{--edge:#bc4c00}.impact-critical{--edge:#cf222e}.impact-maintenance{--edge:#0969da}" +
            ".body{flex:1;min-width:0}.name{margin:0;font-weight:600;overflow-wrap:anywhere}.text{margin:2px 0 8px;color:#59636e;overflow-wrap:anywhere}" +
            ".tag{margin:0 0 2px;font-size:12px;font-weight:600;color:#59636e}" +
            ".links{margin:0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}" +
            ".view{color:var(--on-accent);background:var(--accent);border-radius:6px;padding:3px 10px;font-weight:600;text-decoration:none}" +
            ".more{color:inherit;text-decoration:underline}" +
            ".close{flex:none;font:inherit;font-size:18px;line-height:1;width:28px;height:28px;margin:-4px -4px 0 0;padding:0;border:0;border-radius:6px;background:transparent;color:inherit;cursor:pointer}" +
            ".close:hover{background:rgba(127,127,127,.18)}" +
            "a:focus-visible,.close:focus-visible{outline:2px solid #0969da;outline-offset:2px}" +
            "@media (prefers-color-scheme:dark){.card{background:#161b22;color:#e6edf3;border-color:#3d444d;border-left-color:var(--edge);box-shadow:0 8px 24px rgba(0,0,0,.5)}" +
            ".text,.tag{color:#9198a1}a:focus-visible,.close:focus-visible{outline-color:#4493f8}}" +
            "@keyframes sk-in{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}" +
            "@media (prefers-reduced-motion:reduce){.card{animation:none}}";

          var remembered = {};
          function storage() { try { return window.sessionStorage; } catch (e) { return null; } }
          function key(item) { return "statuskit-embed|" + pageUrl + "|" + item.id + "|" + item.updatedAt; }
          function dismissed(item) {
            var store = storage(), k = key(item);
            if (remembered[k]) { return true; }
            try { return !!store && store.getItem(k) === "1"; } catch (e) { return false; }
          }
          function dismiss(item) {
            var store = storage(), k = key(item);
            remembered[k] = true;
            try { if (store) { store.setItem(k, "1"); } } catch (e) { /* storage full or refused: memory holds it */ }
          }

          function text(value) { return typeof value === "string" ? value : ""; }
          function hash(value) {
            var h = 2166136261;
            for (var i = 0; i < value.length; i++) { h = Math.imul(h ^ value.charCodeAt(i), 16777619) >>> 0; }
            return h.toString(36);
          }
          function time(value) { var t = Date.parse(text(value)); return isNaN(t) ? 0 : t; }
          function shorten(value) {
            // Characters, not UTF-16 units: a cut never splits an emoji's surrogate pair.
            var chars = Array.from(text(value).replace(/\s+/g, " ").trim());
            return chars.length > MAX_TEXT ? chars.slice(0, MAX_TEXT - 1).join("").trim() + "\u2026" : chars.join("");
          }
          function latest(updates) {
            var best = null;
            (Array.isArray(updates) ? updates : []).forEach(function (u) {
              if (u && (!best || time(u.display_at || u.created_at) > time(best.display_at || best.created_at))) { best = u; }
            });
            return best;
          }
          function incidentItem(i) {
            var update = latest(i.incident_updates), state = update ? text(update.status) : text(i.status);
            var label = STATES[state] || (state ? state.charAt(0).toUpperCase() + state.slice(1).replace(/_/g, " ") : "");
            var message = update ? shorten(update.body) : "";
            var impact = RANK.hasOwnProperty(i.impact) ? i.impact : "none";
            return {
              id: text(i.id), name: text(i.name), updatedAt: text(i.updated_at), rank: RANK.hasOwnProperty(i.impact) ? RANK[i.impact] + 10 : 11,
              impact: impact, tag: IMPACTS[impact] || "", label: label && message ? label + ": " : label, text: message,
              href: new URL("incidents/" + encodeURIComponent(text(i.id)), base).href
            };
          }
          function maintenanceItem(m) {
            return {
              id: text(m.id), name: text(m.name), updatedAt: text(m.updated_at), rank: RANK.maintenance, impact: "maintenance",
              label: "Maintenance in progress", href: new URL("maintenance/" + encodeURIComponent(text(m.id)), base).href
            };
          }
          // The components the page shows as degraded or down while no incident is open: a platform incident moves a
          // component's status without any public incident to read. Keyed by which components are how, so closing it
          // holds until that changes.
          function componentsItem(summary) {
            var affected = (Array.isArray(summary.components) ? summary.components : []).filter(function (c) {
              return c && !c.group && OUTAGES.hasOwnProperty(c.status);
            });
            if (!affected.length) { return null; }
            var impact = "minor";
            affected.forEach(function (c) { if (RANK[OUTAGES[c.status][0]] > RANK[impact]) { impact = OUTAGES[c.status][0]; } });
            var status = summary.status && typeof summary.status === "object" ? summary.status : {};
            return {
              id: "components", name: text(status.description) || "Some systems are affected", rank: RANK[impact] + 5, impact: impact,
              updatedAt: hash(affected.map(function (c) { return text(c.id) + ":" + c.status; }).join(",")),
              text: shorten(affected.map(function (c) { return text(c.name) + ": " + OUTAGES[c.status][1]; }).join(", ")),
              href: pageUrl
            };
          }
          function openItems(summary) {
            var items = [];
            (Array.isArray(summary.incidents) ? summary.incidents : []).forEach(function (i) {
              if (i && i.id && i.status !== "resolved" && i.status !== "postmortem" && i.status !== "completed") { items.push(incidentItem(i)); }
            });
            var incidents = items.length, components = incidents ? null : componentsItem(summary);
            if (components) { items.push(components); }
            (Array.isArray(summary.scheduled_maintenances) ? summary.scheduled_maintenances : []).forEach(function (m) {
              if (m && m.id && m.status === "in_progress") { items.push(maintenanceItem(m)); }
            });
            return items.filter(function (item) { return !dismissed(item); }).sort(function (a, b) {
              return b.rank - a.rank || time(b.updatedAt) - time(a.updatedAt);
            });
          }

          // The card's own words are English (the page's names and messages are in the page's language), and say so.
          var host = null, shadow = null, region = null, before = null;
          function el(name, className, content) {
            var node = document.createElement(name);
            if (className) { node.className = className; }
            if (content) { node.textContent = content; }
            return node;
          }
          function english(node) { node.setAttribute("lang", "en"); return node; }
          function clear() {
            if (host && host.parentNode) { host.parentNode.removeChild(host); }
            host = null; shadow = null; region = null;
          }
          function mount(pageName) {
            host = document.createElement("statuskit-embed");
            var root = shadow = host.attachShadow({ mode: "open" });
            var sheet = null;
            try { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); root.adoptedStyleSheets = [sheet]; } catch (e) { sheet = null; }
            if (!sheet) { root.appendChild(el("style", null, CSS)); }
            region = el("div", "card " + position);
            region.setAttribute("role", "status");
            region.setAttribute("aria-live", "polite");
            region.setAttribute("aria-label", pageName ? pageName + " status" : "Service status");
            // Where the keyboard came from, to go back to when the card is closed.
            region.addEventListener("focusin", function (e) { if (e.relatedTarget && !region.contains(e.relatedTarget)) { before = e.relatedTarget; } });
            root.appendChild(region);
            (document.body || document.documentElement).appendChild(host);
          }
          function fill(items) {
            if (!region) { return; }
            var first = items[0], body = el("div", "body"), links = el("p", "links");
            var view = english(el("a", "view", "View status"));
            view.href = first.href; view.target = "_blank"; view.rel = "noopener";
            links.appendChild(view);
            if (items.length > 1) {
              var more = english(el("a", "more", "+" + (items.length - 1) + " more"));
              more.href = pageUrl; more.target = "_blank"; more.rel = "noopener";
              more.setAttribute("aria-label", "+" + (items.length - 1) + " more open on the status page");
              links.appendChild(more);
            }
            if (first.tag) { body.appendChild(english(el("p", "tag", first.tag))); }
            body.appendChild(el("p", "name", first.name));
            if (first.label || first.text) {
              var line = el("p", "text");
              if (first.label) { line.appendChild(english(el("span", null, first.label))); }
              if (first.text) { line.appendChild(document.createTextNode(first.text)); }
              body.appendChild(line);
            }
            body.appendChild(links);
            var close = english(el("button", "close", "\u00d7"));
            close.type = "button";
            close.setAttribute("aria-label", "Dismiss status notice");
            close.addEventListener("click", function () {
              var focused = !!(shadow && shadow.activeElement), back = before;
              items.forEach(dismiss);
              clear();
              if (focused && back && back.isConnected && back.focus) { back.focus(); }
            });
            region.className = "card " + position + " impact-" + first.impact;
            region.replaceChildren ? region.replaceChildren(body, close) : (region.textContent = "", region.appendChild(body), region.appendChild(close));
          }
          function render(summary) {
            var items = summary && typeof summary === "object" ? openItems(summary) : [];
            if (!items.length) { clear(); return; }
            if (!host) {
              // The live region is in the document before its text, so screen readers announce the text.
              mount(summary.page && text(summary.page.name));
              setTimeout(function () { fill(items); }, 50);
            } else {
              fill(items);
            }
          }

          var last = 0, timer = 0, busy = false;
          function schedule(delay) {
            clearTimeout(timer);
            if (!document.hidden) { timer = setTimeout(refresh, delay); }
          }
          function refresh() {
            if (busy) { return; }
            busy = true; last = Date.now();
            fetch(summaryUrl, { credentials: "omit", mode: "cors" })
              .then(function (response) {
                if (response.status === 404) { return null; }
                if (!response.ok) { throw new Error(String(response.status)); }
                return response.json();
              })
              .then(render)
              .catch(function () { /* offline or failing: keep what is shown, try again later */ })
              .then(function () { busy = false; schedule(POLL_MS); });
          }
          document.addEventListener("visibilitychange", function () {
            if (document.hidden) { clearTimeout(timer); return; }
            var age = Date.now() - last;
            if (age >= MIN_AGE_MS) { refresh(); } else { schedule(POLL_MS - age); }
          });
          refresh();
        })();
        """;
}
