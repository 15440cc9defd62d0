// The explorer and the self-check on a page with no kernel. Python renders every piece the answer may show
// (mbc_atlas.render.offline); for the explorer this script turns the learner's choices into the same view-model
// as Python's AnswerView.model and renders it with the same template (answer.html.j2, through Nunjucks): it has no
// words of its own. The page links it once, after every explorer, question and score it serves.
(function () {
  "use strict";

  function uniq(items) { return Array.from(new Set(items)); }
  function keyOf(relevant, chosen) { return relevant.filter(function (c) { return chosen.has(c); }).join(" "); }

  // ---------------------------------------------------------------- the explorer's view-model
  // The same decisions as mbc_atlas.query.answer and AnswerView.model, from the pieces Python placed and rendered.
  function model(data, chosen, safe) {
    var set = new Set(chosen), L = function (c) { return data.in_sentence[c]; };
    var m = { n_texts: data.n_texts, lead: "", selection: chosen.join(" "),
              chosen: chosen.map(function (c) { return data.labels[c]; }) };
    if (!chosen.length) return m;
    var placed = [];
    Object.keys(data.statements).forEach(function (id) {
      var s = data.statements[id], st = s.states[keyOf(s.relevant, set)];
      if (st) placed.push({ tier: st.tier, html: st.html, category: s.category, source: s.source, stance: s.stance,
                            conditions: s.conditions, words: s.words, qualifier: s.qualifier, implied: s.implied,
                            drugs: s.drugs });
    });
    var best = {};      // the same words of one text, kept as two statements, show once: in the best tier
    placed.forEach(function (p) {
      var r = data.tiers.indexOf(p.tier);
      if (!(p.words in best) || r < best[p.words]) best[p.words] = r;
    });
    placed = placed.filter(function (p) { return data.tiers.indexOf(p.tier) === best[p.words]; });
    var fits = placed.filter(function (p) { return p.tier === data.fits; });
    var cats = data.categories.map(function (c) {
      var mine = fits.filter(function (p) { return p.category === c.category; });
      var sources = uniq(mine.map(function (p) { return p.source; })), n = sources.length;
      var to = chosen.map(function (ch) {
        return [ch, uniq(mine.filter(function (p) { return p.conditions.indexOf(ch) >= 0; })
                            .map(function (p) { return p.source; }))];
      }).filter(function (t) { return t[1].length; });
      var quals = {}, qualifiers = [];
      mine.forEach(function (p) {
        if (p.qualifier && !quals[p.source + "|" + p.qualifier]) {
          quals[p.source + "|" + p.qualifier] = 1;
          qualifiers.push([p.qualifier, data.source_names[p.source]]);
        }
      });
      return { category: c.category, label: c.label, in_sentence: c.in_sentence, n: n, head: safe(c.heads[n]),
               full: to.filter(function (t) { return t[1].length === n; }).map(function (t) { return L(t[0]); }),
               part: to.filter(function (t) { return t[1].length < n; }).map(function (t) { return [t[1].length, L(t[0])]; }),
               silent_on: chosen.filter(function (ch) { return !to.some(function (t) { return t[0] === ch; }); }).map(L),
               speaks_to: to.map(function (t) { return [L(t[0]), t[1].map(function (i) { return data.source_names[i]; })]; }),
               qualifiers: qualifiers,
               qualified: mine.length > 0 && mine.every(function (p) { return p.qualifier; }),
               implied: mine.length > 0 && mine.every(function (p) { return p.implied; }),
               stances: uniq(mine.map(function (p) { return p.stance; })),
               statements: mine.map(function (p) { return safe(p.html); }) };
    });
    var count = function (tier) { return placed.filter(function (p) { return p.tier === tier; }).length; };
    m.assoc = cats.filter(function (c) { return c.n; });
    m.others = cats.filter(function (c) { return !c.n; }).map(function (c) { return c.in_sentence; });
    m.would_fit = count("would_fit");
    m.does_not_fit = count("does_not_fit");
    m.silent = chosen.filter(function (c) { return c in data.silent; }).map(function (c) { return safe(data.silent[c]); });
    m.notes = safe(data.for_selection.filter(function (n) {
      return n.characteristics.every(function (c) { return set.has(c); }); }).map(function (n) { return n.html; }).join(""));
    m.grid = { head: data.categories.map(function (c) { return c.label; }), legend: data.legend,
               rows: chosen.map(function (ch) {
                 return { label: data.labels[ch], silent: ch in data.silent ? data.silence : "", cells: data.categories.map(function (c) {
                   return safe(data.cells[uniq(fits.filter(function (p) {
                     return p.category === c.category && p.conditions.indexOf(ch) >= 0; })
                     .map(function (p) { return p.source; })).length]); }) };
               }),
               total: cats.map(function (c) { return safe(data.cells[c.n]); }) };
    m.categories = cats;
    m.tiers = ["would_fit", "does_not_fit"].map(function (tier) {
      var mine = [];     // category by category, strongest stance first: as mbc.answer places them
      data.categories.forEach(function (c) {
        placed.forEach(function (p) { if (p.tier === tier && p.category === c.category) mine.push(safe(p.html)); }); });
      return { tier: tier, heading: data.tier_headings[tier], statements: mine };
    }).filter(function (t) { return t.statements.length; });
    m.disagreements = data.disagreements.filter(function (d) {
      return d.characteristics.some(function (c) { return set.has(c); }); }).map(function (d) { return safe(d.html); });
    var associated = new Set(m.assoc.map(function (c) { return c.category; }));
    var namedFit = new Set([].concat.apply([], fits.map(function (p) { return p.drugs; })));
    var byCat = {}, apart = [], groups = {}, restricted = [];
    data.drug_order.forEach(function (g) {
      var d = data.drugs[g], r = d.states[keyOf(d.relevant, set)];
      if (!r && !associated.has(d.category)) return;
      var entry = { name: d.name, restricted: !!r, second: safe(d.second) };
      if (r) {
        if (!(r.key in groups)) {
          groups[r.key] = { chars: r.chars, names: [], why: r.why, quote: safe(r.quote) };
          restricted.push(groups[r.key]);
        }
        groups[r.key].names.push(d.name);
      }
      if (associated.has(d.category) && namedFit.has(g) && !r) (byCat[d.category] = byCat[d.category] || []).push(entry);
      else if (associated.has(d.category)) apart.push(entry);
    });
    m.drugs = { by_cat: data.categories.filter(function (c) { return c.category in byCat; })
                  .map(function (c) { return { label: c.label, drugs: byCat[c.category] }; }),
                apart: apart, restricted: restricted };
    return m;
  }

  // The template's filters: the same rules as mbc_atlas.words (plural, agree, join, upper_first, lower_first).
  function environment(nunjucks) {
    var env = new nunjucks.Environment(new nunjucks.PrecompiledLoader(window.nunjucksPrecompiled || {}),
                                       { autoescape: true });
    env.addFilter("plural", function (n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); });
    env.addFilter("agree", function (n, one, many) { return n === 1 ? one : many; });
    env.addFilter("join_words", function (items, word) {
      items = Array.from(items || []);
      if (items.length <= 1) return items.join("");
      return items.slice(0, -1).join(", ") + " " + word + " " + items[items.length - 1];
    });
    env.addFilter("upper_first", function (w) { w = String(w); return w.charAt(0).toUpperCase() + w.slice(1); });
    env.addFilter("lower_first", function (w) {
      w = String(w); return w.charAt(1) && w.charAt(1) !== w.charAt(1).toLowerCase() ? w : w.charAt(0).toLowerCase() + w.slice(1); });
    env.addGlobal("look", function () {      // the site's stylesheet (mbc.css) gives each named look its style
      return new nunjucks.runtime.SafeString('class="' + Array.prototype.map.call(arguments, function (n) {
        return "mbc-" + n; }).join(" ") + '"');
    });
    return env;
  }

  var env = null;     // the page's Nunjucks environment, made on first use
  function templates() { return env || (env = environment(window.nunjucks)); }

  function answerHtml(env, data, chosen) {
    var safe = function (h) { return new window.nunjucks.runtime.SafeString(h || ""); };
    var m = model(data, chosen, safe);
    return ["summary", "grid", "answer"].map(function (part) {
      return env.render("answer.html.j2", { part: part, m: m }); }).join("");
  }

  // ---------------------------------------------------------------- the explorer
  // Until the first choice the page shows Python's answer for nothing chosen: the data is read on first use.
  function explorer(root) {
    var data = null, form = root.querySelector("form"), out = root.querySelector(".mbc-off-answer");
    function selection() {
      var picked = new Set();
      form.querySelectorAll("input:checked").forEach(function (i) { if (i.value) picked.add(i.value); });
      return data.order.filter(function (c) { return picked.has(c); });
    }

    function render() {
      data = data || JSON.parse(root.querySelector(".mbc-explorer-data").textContent);
      var chosen = selection();
      out.dataset.selection = chosen.join(" ");
      out.innerHTML = answerHtml(templates(), data, chosen);
      var notes = {};    // each editors' note once in an answer, as in Python
      out.querySelectorAll("[data-note]").forEach(function (n) {
        if (notes[n.dataset.note]) n.remove(); else notes[n.dataset.note] = 1; });
    }

    form.addEventListener("change", render);
    form.addEventListener("reset", function () { setTimeout(render, 0); });
    if (form.querySelector("input:checked:not([value=''])")) render();    // choices the browser kept (back, reload)
  }

  // ---------------------------------------------------------------- the learning-management system
  // SCORM 1.2: the LMS's API object is window.API of this window or a parent, else of the opener or its parents.
  function searchAPI(win) {
    try {
      for (var up = 0; win && up <= 7; up++) {
        if (win.API) return win.API;
        if (win.parent === win) return null;
        win = win.parent;
      }
    } catch (e) { /* a frame of another origin holds no API this page may use */ }
    return null;
  }
  function startLMS() {
    var api = searchAPI(window) || (window.opener ? searchAPI(window.opener) : null);
    if (!api || String(api.LMSInitialize("")) !== "true") return null;
    if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
    }
    // leaving the page would end the session: the package's other pages open beside it
    document.querySelectorAll("a[href]").forEach(function (a) {
      if (/^[\w-]+\.html(#|$)/.test(a.getAttribute("href"))) { a.target = "_blank"; a.rel = "noopener"; }
    });
    var started = Date.now(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    window.addEventListener("pagehide", function () {
      var s = Math.round((Date.now() - started) / 1000);
      api.LMSSetValue("cmi.core.session_time", pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s / 60) % 60) +
                      ":" + pad(s % 60));
      api.LMSFinish("");
    }, { once: true });
    return api;
  }
  // the score as a percentage (Moodle takes raw as the grade out of the activity's 100); completed once all answered
  function report(lms, right, answered, total) {
    lms.LMSSetValue("cmi.core.score.min", "0");
    lms.LMSSetValue("cmi.core.score.max", "100");
    lms.LMSSetValue("cmi.core.score.raw", String(Math.round(100 * right / total)));
    lms.LMSSetValue("cmi.core.lesson_status", answered === total ? "completed" : "incomplete");
    lms.LMSCommit("");
  }

  // ---------------------------------------------------------------- the self-check
  var results = {}, chosenWords = {}, lms = null;

  function updateScore() {
    var items = document.querySelectorAll(".mbc-offline-quiz"), answered = 0, right = 0;
    items.forEach(function (q) {
      if (q.dataset.item in results) { answered += 1; if (results[q.dataset.item]) right += 1; }
    });
    document.querySelectorAll(".mbc-off-score-text").forEach(function (el) {
      el.innerHTML = templates().render("feedback.html.j2", { s: { right: right, answered: answered, total: items.length } });
    });
    if (lms && answered) report(lms, right, answered, items.length);
  }

  function csvRow(cells) {
    return cells.map(function (c) { return '"' + String(c).replace(/"/g, '""') + '"'; }).join(",");
  }
  function downloadRecord(words, score) {
    var rows = [words.columns];
    document.querySelectorAll(".mbc-offline-quiz").forEach(function (q) {
      var id = q.dataset.item, done = id in results;
      rows.push([q.querySelector("legend").textContent, done ? chosenWords[id].join("; ") : "",
                 done ? (results[id] ? words.right : words.wrong) : words.unanswered]);
    });
    rows.push([words.score, score.querySelector(".mbc-off-score-text").textContent]);
    rows.push([words.saved, new Date().toISOString().slice(0, 16).replace("T", " ")]);
    var file = new Blob(["\ufeff" + rows.map(csvRow).join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    link.download = words.file;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }
  function scoreBox(score) {
    var words = JSON.parse(score.querySelector(".mbc-score-data").textContent);
    var button = score.querySelector(".mbc-off-download");
    button.hidden = false;
    button.addEventListener("click", function () { downloadRecord(words, score); });
    if (lms) score.querySelector(".mbc-off-where").textContent = words.in_lms;
  }

  function quiz(root) {
    var data = null, box = root.querySelector(".mbc-off-feedback");     // the key is read on the first check
    var order = Array.from(root.querySelectorAll("input")).map(function (i) { return i.value; });
    function words(values) { return order.filter(function (v) { return values.indexOf(v) >= 0; })
                                         .map(function (v) { return data.labels[v]; }); }
    function general() {    // the explanation, written once by Python in the answer for a page without JavaScript
      var t = document.createElement("template");
      t.innerHTML = root.querySelector("noscript").textContent;
      return t.content.querySelector(".mbc-off-general").innerHTML;
    }
    root.querySelector(".mbc-off-check").addEventListener("click", function () {
      if (!data) { data = JSON.parse(root.querySelector(".mbc-quiz-data").textContent); data.general = general(); }
      var chosen = Array.from(root.querySelectorAll("input:checked")).map(function (i) { return i.value; });
      if (!chosen.length) {
        box.innerHTML = templates().render("feedback.html.j2", { f: { empty: true } });
        return;
      }
      var key = data.key, optional = data.optional;
      var right = key.every(function (v) { return chosen.indexOf(v) >= 0; }) &&
                  chosen.every(function (v) { return key.indexOf(v) >= 0 || optional.indexOf(v) >= 0; });
      box.innerHTML = templates().render("feedback.html.j2", { f: {
        empty: false, right: right, answer: data.answer,
        missed: words(key.filter(function (v) { return chosen.indexOf(v) < 0; })),
        extra: words(chosen.filter(function (v) { return key.indexOf(v) < 0; })) } }) + data.general;
      results[data.id] = right;
      chosenWords[data.id] = words(chosen);
      updateScore();
    });
  }

  function init() {
    document.querySelectorAll(".mbc-offline-explorer").forEach(explorer);
    var quizzes = document.querySelectorAll(".mbc-offline-quiz");
    if (quizzes.length) lms = startLMS();
    quizzes.forEach(quiz);
    document.querySelectorAll(".mbc-offline-score").forEach(scoreBox);     // its count of none answered: Python's
  }

  window.mbcOffline = { model: model, environment: environment, answerHtml: answerHtml };   // for the parity tests
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
