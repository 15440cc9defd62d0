// When the page's kernel has gone, say so at the top of the page and switch its controls off: otherwise the
// page keeps the old answer beside changed ticks. This runs before Voila's own script, so that it sees the
// page's connection to its kernel from the start. "Gone" is one of: the kernel restarted (it had died: the
// widgets of this page no longer exist in it), it is dead, or the server no longer has it (shut down or culled).
(function () {
  "use strict";
  var NativeWebSocket = window.WebSocket;
  var CHANNELS = /\/api\/kernels\/([^/?]+)\/channels/;
  var GONE_STATES = { restarting: true, autorestarting: true, dead: true };
  var CHECKS = 12;            // looks in a row that find the server out of reach (two minutes)
  var gone = false;
  var leaving = false;

  window.addEventListener("beforeunload", function () { leaving = true; });
  window.addEventListener("pagehide", function () { leaving = true; });

  // The kernel's status, when a message on the kernel's connection is one ("status" on "iopub"); else null.
  // A message is JSON text, or the binary "v1.kernel.websocket.jupyter.org" frame: a count and 8-byte offsets,
  // then the channel, the header, the parent header, the metadata and the content.
  function statusOf(data) {
    try {
      if (typeof data === "string") {
        var msg = JSON.parse(data);
        return msg.channel === "iopub" && msg.header.msg_type === "status" ? msg.content.execution_state : null;
      }
      if (!(data instanceof ArrayBuffer) || data.byteLength > 4096) return null;
      var view = new DataView(data);
      var count = view.getUint32(0, true);
      if (count < 5) return null;
      var at = [];
      for (var i = 0; i < count; i++) at.push(view.getUint32(8 * (i + 1), true));
      var text = function (a, b) { return new TextDecoder().decode(new Uint8Array(data, a, b - a)); };
      if (text(at[0], at[1]) !== "iopub" || JSON.parse(text(at[1], at[2])).msg_type !== "status") return null;
      return JSON.parse(text(at[4], count > 5 ? at[5] : data.byteLength)).execution_state;
    } catch (e) {
      return null;
    }
  }

  function disableControls() {
    var controls = document.querySelectorAll(
      ".jupyter-widgets button, .jupyter-widgets input, .jupyter-widgets select, .jupyter-widgets textarea");
    controls.forEach(function (el) {
      if (!el.disabled) el.disabled = true;
      if (el.getAttribute("aria-disabled") !== "true") el.setAttribute("aria-disabled", "true");
    });
  }

  function showGone(reason) {
    if (gone || leaving) return;
    gone = true;
    document.body.dataset.kernelGone = reason;
    var note = document.createElement("div");
    note.className = "mbc-kernel-gone";
    note.setAttribute("role", "alert");
    note.style.cssText = "position:sticky;top:0;z-index:1000;margin:0 0 8px 0;padding:10px 14px;" +
      "border-left:8px solid #D55E00;background:#FFF4EC;color:#000000;font-size:17px;line-height:1.45;";
    var heading = document.createElement("strong");
    heading.textContent = "This page has stopped working.";
    var words = document.createElement("p");
    words.style.margin = "4px 0 0 0";
    words.textContent = "It has lost its connection to the server, so the answer no longer changes when you " +
      "choose, and the choices are switched off. The answer shown may not match the choices ticked. " +
      "Reload the page (press F5) to start again.";
    note.appendChild(heading);
    note.appendChild(words);
    var explorer = document.querySelector(".mbc-explorer");
    var cells = document.getElementById("rendered_cells");
    if (explorer) explorer.parentNode.insertBefore(note, explorer);
    else if (cells) cells.insertBefore(note, cells.firstChild);
    else document.body.insertBefore(note, document.body.firstChild);
    disableControls();
    // a widget drawn again (or drawn later) turns its controls back on: switch them off again
    new MutationObserver(disableControls).observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ["disabled"]
    });
  }

  // Does the server still have the kernel? A kernel shut down (by the culler, say) leaves the page's connection
  // open but silent, so the page asks every 10 s, and at once when its connection closes (Voila reconnects by
  // itself to a kernel that is still there). Only the server's "no such kernel" (404) counts as gone at once;
  // a server out of reach counts after CHECKS looks in a row.
  var looking = null;
  var failures = 0;

  function look(base, kernelId) {
    if (gone || leaving) return;
    fetch(base + "/api/kernels/" + kernelId, { cache: "no-store" }).then(function (response) {
      failures = 0;
      if (response.status === 404) showGone("stopped");
    }, function () {
      failures += 1;
      if (failures >= CHECKS) showGone("unreachable");
    });
  }

  function watch(socket, url) {
    var match = CHANNELS.exec(url);
    if (!match) return;
    var base = url.slice(0, url.indexOf("/api/kernels/")).replace(/^ws/, "http");
    socket.addEventListener("message", function (event) {
      var state = statusOf(event.data);
      if (state && GONE_STATES[state]) showGone(state);
    });
    socket.addEventListener("close", function () { look(base, match[1]); });
    if (looking === null) {
      looking = setInterval(function () {
        if (gone || leaving) clearInterval(looking);
        else look(base, match[1]);
      }, 10000);
    }
  }

  function RoomWebSocket(url, protocols) {
    var socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
    watch(socket, String(url));
    return socket;
  }
  RoomWebSocket.prototype = NativeWebSocket.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) { RoomWebSocket[name] = NativeWebSocket[name]; });
  window.WebSocket = RoomWebSocket;
})();
