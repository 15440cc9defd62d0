// The explorer and the self-check on a page with no kernel. Every answer was decided and rendered in Python
// (mbc_atlas.render.offline); this script only looks up the pieces for the learner's choices and puts them
// together. The page links it once, after every explorer, question and score it serves.
(function () {
  "use strict";

  function join(items, word) {
    if (items.length <= 1) return items.join("");
    return items.slice(0, -1).join(", ") + " " + (word || "and") + " " + items[items.length - 1];
  }
  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function texts(n) { return n + (n === 1 ? " text" : " texts"); }
  function upperFirst(w) { return w.charAt(0).toUpperCase() + w.slice(1); }
  // which chosen characteristics a category's fitting statements name, with the texts behind each
  // (CategoryAnswer.speaks_to; the words are AnswerView.about's and AnswerView.speaks')
  function speaksTo(x, chosen) {
    var to = [], none = [];
    chosen.forEach(function (ch) {
      var ids = Array.from(new Set(x.fits.filter(function (p) { return p.conditions.indexOf(ch) >= 0; })
                                         .map(function (p) { return p.source; })));
      if (ids.length) to.push([ch, ids]); else none.push(ch);
    });
    return { to: to, none: none };
  }
  function about(x, chosen, data) {
    var sp = speaksTo(x, chosen), L = function (c) { return data.in_sentence[c]; };
    var full = sp.to.filter(function (t) { return t[1].length === x.n; }).map(function (t) { return L(t[0]); });
    var part = sp.to.filter(function (t) { return t[1].length < x.n; })
                    .map(function (t) { return t[1].length + " about " + L(t[0]); });
    var words = texts(x.n) + (full.length ? ", about " + join(full) : ":");
    part.forEach(function (bit, k) { words += (full.length || k ? "; " : " ") + bit; });
    if (sp.none.length) words += part.length ? "; none about " + join(sp.none.map(L), "or") : " only";
    if (x.fits.length && x.fits.every(function (p) { return p.qualifier; })) words += ", with a qualifier";
    if (x.fits.length && x.fits.every(function (p) { return p.implied; })) words += ", only implied";
    return words;
  }
  function speaks(x, chosen, data) {
    var sp = speaksTo(x, chosen);
    var words = upperFirst(sp.to.map(function (t) {
      return "about " + data.in_sentence[t[0]] + ": " + join(t[1].map(function (i) { return data.source_names[i]; }));
    }).join("; ")) + ".";
    if (sp.none.length) words += " None names " + join(sp.none.map(function (c) { return data.in_sentence[c]; }), "or") + ".";
    var seen = {}, quals = [];
    x.fits.forEach(function (p) {
      if (p.qualifier && !seen[p.source + "|" + p.qualifier]) {
        seen[p.source + "|" + p.qualifier] = 1;
        quals.push("\u201c" + p.qualifier + "\u201d (" + data.source_names[p.source] + ")");
      }
    });
    if (quals.length) words += " With a qualifier no choice sets: " + quals.join("; ") + ".";
    return '<p class="mbc-line" data-speaks="">' + esc(words) + "</p>";
  }
  function keyOf(relevant, chosen) { return relevant.filter(function (c) { return chosen.has(c); }).join(" "); }

  // ---------------------------------------------------------------- the explorer
  function explorer(root) {
    var data = JSON.parse(root.querySelector(".mbc-explorer-data").textContent);
    var form = root.querySelector("form"), out = root.querySelector(".mbc-off-answer");
    var N = data.n_texts;

    function selection() {
      var picked = new Set();
      form.querySelectorAll("input:checked").forEach(function (i) { if (i.value) picked.add(i.value); });
      return data.order.filter(function (c) { return picked.has(c); });
    }

    function render() {
      var chosen = selection(), set = new Set(chosen);
      out.dataset.selection = chosen.join(" ");
      if (!chosen.length) {
        out.innerHTML = "<p><strong>Choose one or more characteristics above</strong> to see which treatment " +
          "categories the " + N + " texts associate with them, how many texts do, and the quotes that say so. " +
          "Nothing is chosen yet.</p>";
        return;
      }
      var placed = [];
      Object.keys(data.statements).forEach(function (id) {
        var s = data.statements[id], st = s.states[keyOf(s.relevant, set)];
        if (st) placed.push({ id: id, tier: st.tier, html: st.html, category: s.category, source: s.source,
                              conditions: s.conditions, words: s.words, qualifier: s.qualifier,
                              implied: s.implied });
      });
      // the same words of one text, kept as two statements, show once: in the best tier any of them takes
      var best = {};
      placed.forEach(function (p) {
        var r = data.tiers.indexOf(p.tier);
        if (!(p.words in best) || r < best[p.words]) best[p.words] = r;
      });
      placed = placed.filter(function (p) { return data.tiers.indexOf(p.tier) === best[p.words]; });
      var fits = placed.filter(function (p) { return p.tier === data.fits; });
      var cats = data.categories.map(function (c) {
        var mine = fits.filter(function (p) { return p.category === c.category; });
        var sources = Array.from(new Set(mine.map(function (p) { return p.source; })));
        return { c: c, fits: mine, n: sources.length };
      });
      var assoc = cats.filter(function (x) { return x.n > 0; });
      var html = ['<p><strong>You chose:</strong> ' + chosen.map(function (c) {
        return '<span class="mbc-off-chip">' + esc(data.labels[c]) + "</span>"; }).join(" ") + "</p>"];
      if (assoc.length) {
        var others = cats.filter(function (x) { return !x.n; }).map(function (x) { return x.c.label.toLowerCase(); });
        html.push('<div class="mbc-off-headline"><p><strong>The sources associate with your choices:</strong></p><ul>' +
          assoc.map(function (x) { return "<li><strong>" + esc(x.c.label) + "</strong> \u2014 " +
                                          esc(about(x, chosen, data)) + ".</li>"; }).join("") + "</ul>" +
          (others.length ? "<p>No statement that fits ties " + esc(join(others, "or")) + " to it.</p>" : "") +
          "</div>");
      } else {
        html.push('<p class="mbc-off-headline"><strong>No statement in the ' + N + " texts ties a treatment " +
                  "category to your whole selection.</strong></p>");
      }
      var silent = chosen.filter(function (c) { return c in data.silent; });
      if (silent.length) {
        html.push('<div class="mbc-silent"><ul>' + silent.map(function (c) { return data.silent[c]; }).join("") +
                  "</ul></div>");
      }
      data.for_selection.forEach(function (n) {     // the editors' notes for a selection: all its characteristics chosen
        if (n.characteristics.every(function (c) { return set.has(c); })) html.push(n.html); });
      // the evidence grid: texts with a fitting statement, by the characteristic it names
      var head = data.categories.map(function (c) { return '<th scope="col">' + esc(c.label) + "</th>"; }).join("");
      var rows = chosen.map(function (ch) {
        return '<tr><th scope="row">' + esc(data.labels[ch]) + "</th>" + data.categories.map(function (c) {
          var n = new Set(fits.filter(function (p) {
            return p.category === c.category && p.conditions.indexOf(ch) >= 0; }).map(function (p) { return p.source; })).size;
          return data.cells[n]; }).join("") + "</tr>";
      });
      rows.push('<tr><th scope="row">Texts with a fitting statement</th>' + cats.map(function (x) { return data.cells[x.n]; })
                .join("") + "</tr>");
      html.push('<table class="mbc-grid"><caption>Evidence grid: how many of the ' + N + " texts make a statement " +
                "that fits your selection, by the characteristic the statement names and the treatment category</caption>" +
                '<thead><tr><th scope="col">Characteristic</th>' + head + "</tr></thead><tbody>" + rows.join("") +
                "</tbody></table>");
      html.push("<h3>Each treatment category</h3>");
      cats.forEach(function (x) {
        if (!x.n) { html.push(x.c.associated[0]); return; }
        html.push('<section class="mbc-category" data-category="' + esc(x.c.category) + '" data-texts="' + x.n +
                  '">' + x.c.associated[x.n] + speaks(x, chosen, data) + x.fits.map(function (p) { return p.html; }).join("") +
                  "</section>");
      });
      ["would_fit", "does_not_fit"].forEach(function (tier) {
        var mine = [];   // category by category, strongest stance first: as mbc.answer places them
        data.categories.forEach(function (c) {
          placed.forEach(function (p) { if (p.tier === tier && p.category === c.category) mine.push(p); }); });
        if (mine.length) {
          html.push('<section class="mbc-tier" data-tier="' + tier + '"><h3>' + esc(data.tier_headings[tier]) +
                    "</h3>" + mine.map(function (p) { return p.html; }).join("") + "</section>");
        }
      });
      var dis = data.disagreements.filter(function (d) {
        return d.characteristics.some(function (c) { return set.has(c); }); });
      if (dis.length) html.push("<h3>Where the texts disagree</h3>" + dis.map(function (d) { return d.html; }).join(""));
      Object.keys(data.drugs).forEach(function (g) {
        var d = data.drugs[g], note = d.states[keyOf(d.relevant, set)];
        if (note) html.push(note);
      });
      out.innerHTML = html.join("");
      var notes = {};    // each editors' note once in an answer, as in Python
      out.querySelectorAll("[data-note]").forEach(function (n) {
        if (notes[n.dataset.note]) n.remove(); else notes[n.dataset.note] = 1; });
    }

    form.addEventListener("change", render);
    form.addEventListener("reset", function () { setTimeout(render, 0); });
    render();
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
      el.textContent = right + " of " + items.length + " right (" + answered + " of " + items.length + " answered).";
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
    var data = JSON.parse(root.querySelector(".mbc-quiz-data").textContent);
    var box = root.querySelector(".mbc-off-feedback");
    var order = Array.from(root.querySelectorAll("input")).map(function (i) { return i.value; });
    function words(values) { return order.filter(function (v) { return values.indexOf(v) >= 0; })
                                         .map(function (v) { return data.labels[v]; }); }
    function labels(values) { return words(values).map(esc); }
    root.querySelector(".mbc-off-check").addEventListener("click", function () {
      var chosen = Array.from(root.querySelectorAll("input:checked")).map(function (i) { return i.value; });
      if (!chosen.length) {
        box.innerHTML = '<p class="mbc-feedback-empty">Choose an answer first, then press the button.</p>';
        return;
      }
      var key = data.key, optional = data.optional;
      var right = key.every(function (v) { return chosen.indexOf(v) >= 0; }) &&
                  chosen.every(function (v) { return key.indexOf(v) >= 0 || optional.indexOf(v) >= 0; });
      var answer = data.answer, head;
      if (right) {
        head = '<p class="mbc-feedback-right"><strong>\u2714 Right.</strong> The answer is: ' + answer + ".</p>";
      } else {
        var missed = labels(key.filter(function (v) { return chosen.indexOf(v) < 0; }));
        var extra = labels(chosen.filter(function (v) { return key.indexOf(v) < 0; }));
        var bits = [];
        if (missed.length) bits.push("You left out: " + missed.join("; ") + ".");
        if (extra.length) bits.push("Not in the answer: " + extra.join("; ") + ".");
        head = '<p class="mbc-feedback-wrong"><strong>\u2718 Not quite.</strong> ' + bits.join(" ") +
               " The answer is: " + answer + ".</p>";
      }
      box.innerHTML = head + data.optional_note + '<div class="mbc-explanation">' + data.explanation + "</div>";
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
    document.querySelectorAll(".mbc-offline-score").forEach(scoreBox);
    updateScore();
  }

  window.mbcOffline = { about: about, speaks: speaks };   // for the parity test
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
