/// The console's page and script: server-rendered HTML, a little vanilla JavaScript (no npm), text put in
/// with `textContent` only.
enum ConsolePage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>emulate console</title>
        <style>
        :root { --fg: #1d232b; --muted: #5c6773; --line: #d9dee4; --bg: #f6f8fa; --accent: #0b62c4; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
        header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem; padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: var(--bg); }
        header h1 { font-size: 1.05rem; margin: 0; }
        header nav a { color: var(--accent); margin-right: .75rem; }
        main { padding: 1rem; }
        main h2 { font-size: 1rem; margin: .2rem 0 .6rem; }
        .filters { display: flex; flex-wrap: wrap; gap: .75rem; margin-bottom: .75rem; }
        .filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
        .filters select, .filters input { font: inherit; padding: .3rem .4rem; border: 1px solid var(--line); border-radius: 4px; min-width: 9rem; }
        .table { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); white-space: nowrap; }
        th { background: var(--bg); font-weight: 600; font-size: .8rem; color: var(--muted); }
        tbody tr { cursor: pointer; }
        tbody tr:hover, tbody tr:focus { background: #eef4fc; outline: 2px solid var(--accent); outline-offset: -2px; }
        tbody tr.selected { background: #e3eefb; }
        td.path { max-width: 28rem; overflow: hidden; text-overflow: ellipsis; }
        .status { font-weight: 600; }
        .s2 { color: #1a7f37; } .s3 { color: #0b62c4; } .s4 { color: #9a6700; } .s5, .failed { color: #cf222e; }
        code, pre, td.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .8rem; }
        #empty { color: var(--muted); }
        #detail { margin-top: 1rem; border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
        #detail h2 { font-size: 1rem; margin: 0 0 .5rem; word-break: break-all; }
        #detail h3 { font-size: .85rem; margin: .9rem 0 .3rem; color: var(--muted); }
        #detail dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: 0; }
        #detail dt { color: var(--muted); }
        #detail dd { margin: 0; word-break: break-all; }
        pre { background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .6rem; overflow: auto; max-height: 24rem; white-space: pre-wrap; word-break: break-word; margin: 0; }
        textarea { width: 100%; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .8rem; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; }
        form button, #clock-form button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; align-self: flex-end; }
        #clock-form button[data-advance], button.action { background: #fff; color: var(--accent); }
        button.action { font: inherit; font-size: .8rem; padding: .1rem .45rem; margin-right: .3rem; border: 1px solid var(--accent); border-radius: 4px; cursor: pointer; }
        details summary { cursor: pointer; color: var(--accent); margin: .3rem 0; }
        details.function { border: 1px solid var(--line); border-radius: 6px; padding: .3rem .8rem; margin-top: .6rem; }
        form.invoke { display: flex; flex-direction: column; gap: .4rem; } form.invoke select { max-width: 16rem; } form.invoke button { align-self: flex-start; }
        pre.result { margin-top: .5rem; }
        #token-form button { margin-top: .5rem; }
        .valid { color: #1a7f37; font-weight: 600; } .invalid { color: #cf222e; font-weight: 600; }
        header nav a[aria-current="page"] { font-weight: 600; text-decoration: none; }
        button.close { float: right; font: inherit; border: 1px solid var(--line); background: #fff; border-radius: 4px; padding: .15rem .6rem; cursor: pointer; }
        @media (max-width: 640px) { th.optional, td.optional { display: none; } main { padding: .5rem; } }
        </style>
        </head>
        <body>
        <header>
        <h1>emulate console</h1>
        <nav aria-label="Panels"><a href="#requests">Requests</a><a href="#functions">Functions</a><a href="#pools">User pools</a><a href="#outbox">Outbox</a><a href="#tokens">Tokens</a><a href="#clock">Clock</a></nav>
        <span id="connection" role="status" aria-live="polite">connecting…</span>
        </header>
        <main>
        <section id="requests" class="panel" aria-labelledby="requests-title">
        <h2 id="requests-title">Requests and invocations</h2>
        <form class="filters" role="search" id="filters">
        <label>Function <select id="filter-function"><option value="">all</option></select></label>
        <label>Status <select id="filter-status"><option value="">all</option><option value="2">2xx</option><option value="3">3xx</option><option value="4">4xx</option><option value="5">5xx</option><option value="error">failed invocations</option></select></label>
        <label>Search <input id="filter-text" type="search" placeholder="path, route, request ID"></label>
        </form>
        <div class="table">
        <table id="requests-table">
        <thead><tr><th>Time</th><th>Method</th><th>Path</th><th class="optional">Route</th><th>Function</th><th>Status</th><th class="optional">ms</th><th class="optional">Request ID</th></tr></thead>
        <tbody></tbody>
        </table>
        </div>
        <p id="empty">Nothing yet: call a route (for example with curl) and it appears here as it happens.</p>
        </section>
        \(functionsSection)
        \(poolsSection)
        <section id="outbox" class="panel" hidden aria-labelledby="outbox-title">
        <h2 id="outbox-title">Outbox: codes and messages as they are sent</h2>
        <form class="filters" role="search" id="outbox-filters"><label>User or destination <input id="outbox-filter" type="search" placeholder="username, e-mail, phone"></label></form>
        <div class="table"><table id="outbox-table">
        <thead><tr><th>Time</th><th>User</th><th>Trigger</th><th>Code</th><th>Destination</th><th class="optional">Medium</th><th class="optional">Pool</th><th class="optional">Message</th></tr></thead>
        <tbody></tbody></table></div>
        <p id="outbox-empty">No message sent yet: sign a user up, or ask for a code.</p>
        </section>
        <section id="tokens" class="panel" hidden aria-labelledby="tokens-title">
        <h2 id="tokens-title">Tokens: paste a JWT to see what it says and whether the emulator accepts it</h2>
        <form id="token-form"><label for="token-input">Token</label><textarea id="token-input" rows="5" spellcheck="false" autocomplete="off"></textarea>
        <button type="submit" id="token-inspect">Inspect</button></form>
        <p id="token-verdict" role="status" aria-live="polite"></p>
        <div id="token-parts" hidden><h3>Header</h3><pre id="token-header"></pre><h3>Claims</h3><pre id="token-claims"></pre></div>
        </section>
        <section id="clock" class="panel" hidden aria-labelledby="clock-title">
        <h2 id="clock-title">Clock: the emulator's time, which tokens, codes and schedules follow</h2>
        <p>Now: <strong id="clock-now">…</strong> (<span id="clock-offset">…</span> from this machine's time)</p>
        <form id="clock-form" class="filters"><button type="button" data-advance="60">+1 minute</button><button type="button" data-advance="3600">+1 hour</button><button type="button" data-advance="86400">+1 day</button>
        <label>Seconds <input id="clock-seconds" type="number" value="300" min="-3153600000" max="3153600000"></label><button type="submit">Advance</button></form>
        <p id="clock-status" role="status" aria-live="polite"></p>
        <h3>What expires or happens next</h3>
        <div class="table"><table id="clock-upcoming"><thead><tr><th>When</th><th>What</th></tr></thead><tbody></tbody></table></div>
        </section>
        <section id="detail" hidden aria-live="polite">
        <button type="button" class="close" id="detail-close">Close</button>
        <h2 id="detail-title"></h2>
        <dl id="detail-facts"></dl>
        <div id="detail-invocations"></div>
        <h3>Response</h3><pre id="detail-response"></pre>
        <h3>Log lines</h3><pre id="detail-logs"></pre>
        </section>
        </main>
        <script src="/_emulate/console/console.js"></script>
        </body>
        </html>
        """

    /// `console.js`: every panel's script, joined once.
    static let scriptBytes = Array([script, functionsScript, poolsScript, panelsScript].joined(separator: "\n").utf8)

    static let script = """
        "use strict";
        const rows = new Map();
        const functions = new Set();
        const body = document.querySelector("#requests-table tbody");
        const filters = { fn: document.getElementById("filter-function"), status: document.getElementById("filter-status"), text: document.getElementById("filter-text") };

        function cell(text, className) {
          const td = document.createElement("td");
          td.textContent = text == null ? "–" : String(text);
          if (className) td.className = className;
          return td;
        }

        function matches(summary) {
          if (filters.fn.value && summary.function !== filters.fn.value) return false;
          const status = filters.status.value;
          if (status === "error" && !summary.error) return false;
          if (status && status !== "error" && String(summary.status || "").charAt(0) !== status) return false;
          const text = filters.text.value.trim().toLowerCase();
          if (text && ![summary.path, summary.route, summary.requestID, summary.function].some(v => v && v.toLowerCase().includes(text))) return false;
          return true;
        }

        function render(summary) {
          let tr = rows.get(summary.requestID);
          const isNew = !tr;
          if (isNew) {
            tr = document.createElement("tr");
            tr.tabIndex = 0;
            tr.dataset.requestId = summary.requestID;
            tr.addEventListener("click", () => open(summary.requestID));
            tr.addEventListener("keydown", event => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(summary.requestID); } });
            rows.set(summary.requestID, tr);
          }
          tr.summary = summary;
          tr.replaceChildren(
            cell(summary.time.substring(11, 23)),
            cell(summary.method || "invoke"),
            cell(summary.path || "", "path"),
            cell(summary.route, "optional"),
            cell(summary.function),
            cell(summary.status == null ? (summary.error ? "failed" : "ok") : summary.status,
                 "status " + (summary.status == null ? (summary.error ? "failed" : "s2") : "s" + String(summary.status).charAt(0))),
            cell(summary.milliseconds, "optional"),
            cell(summary.requestID, "optional id"));
          if (isNew) body.prepend(tr);
          tr.hidden = !matches(summary);
          if (summary.function && !functions.has(summary.function)) {
            functions.add(summary.function);
            const option = document.createElement("option");
            option.value = option.textContent = summary.function;
            filters.fn.append(option);
          }
          document.getElementById("empty").hidden = rows.size > 0;
        }

        function pretty(text) {
          if (text == null) return "–";
          try { return JSON.stringify(JSON.parse(text), null, 2); } catch (error) { return text; }
        }

        function fact(list, name, value) {
          const dt = document.createElement("dt"); dt.textContent = name;
          const dd = document.createElement("dd"); dd.textContent = value == null ? "–" : String(value);
          list.append(dt, dd);
        }

        async function open(requestID) {
          const answer = await fetch("/_emulate/console/api/requests/" + encodeURIComponent(requestID));
          if (!answer.ok) return;
          const detail = await answer.json();
          for (const tr of rows.values()) tr.classList.toggle("selected", tr.dataset.requestId === requestID);
          document.getElementById("detail-title").textContent = (detail.method ? detail.method + " " + detail.path : "invocation of " + detail.function);
          const facts = document.getElementById("detail-facts");
          facts.replaceChildren();
          fact(facts, "Request ID", detail.requestID);
          fact(facts, "Route", detail.route);
          fact(facts, "Status", detail.status);
          fact(facts, "Duration", detail.milliseconds == null ? null : detail.milliseconds + " ms");
          const invocations = document.getElementById("detail-invocations");
          invocations.replaceChildren();
          for (const invocation of detail.invocations) {
            const heading = document.createElement("h3");
            heading.textContent = "Event " + invocation.function + " received (" + invocation.milliseconds + " ms, " + (invocation.outOfProcess ? "out of process" : "in process") + ")";
            const event = document.createElement("pre"); event.className = "event"; event.textContent = pretty(invocation.event);
            const answerHeading = document.createElement("h3");
            answerHeading.textContent = invocation.error ? "Error" : "What it returned";
            const result = document.createElement("pre"); result.className = "answer"; result.textContent = invocation.error ? invocation.error + "\\n" + pretty(invocation.answer) : pretty(invocation.answer);
            invocations.append(heading, event, answerHeading, result);
          }
          if (detail.invocations.length === 0) {
            const note = document.createElement("h3");
            note.textContent = "No function ran: the gateway answered itself (no route, or the authorizer refused)";
            invocations.append(note);
          }
          document.getElementById("detail-response").textContent = pretty(detail.response);
          document.getElementById("detail-logs").textContent = detail.logs.length ? detail.logs.join("\\n") : "–";
          const section = document.getElementById("detail");
          section.hidden = false;
          section.scrollIntoView({ block: "nearest" });
        }

        document.getElementById("filters").addEventListener("submit", event => event.preventDefault());
        document.getElementById("detail-close").addEventListener("click", () => { document.getElementById("detail").hidden = true; });
        const refilter = () => { for (const tr of rows.values()) tr.hidden = !matches(tr.summary); };
        for (const element of Object.values(filters)) { element.addEventListener("input", refilter); element.addEventListener("change", refilter); }

        fetch("/_emulate/console/api/requests").then(answer => answer.json()).then(list => list.requests.forEach(render));
        const source = new EventSource("/_emulate/console/stream");
        const connection = document.getElementById("connection");
        source.onopen = () => { connection.textContent = "live"; };
        source.onerror = () => { connection.textContent = "reconnecting…"; };
        source.onmessage = event => render(JSON.parse(event.data));
        """
}
