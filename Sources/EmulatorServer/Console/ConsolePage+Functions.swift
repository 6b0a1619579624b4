extension ConsolePage {
    /// The routes and functions panel: both APIs' routes with their authorizers, each function with its
    /// environment (secrets masked), permissions, triggers and schedules, and an editable event to invoke it with.
    static let functionsSection = """
        <section id="functions" class="panel" hidden aria-labelledby="functions-title">
        <h2 id="functions-title">Routes and functions</h2>
        <div class="table"><table id="routes-table">
        <thead><tr><th>API</th><th>Method</th><th>URL</th><th>Function</th><th>Authorizer</th></tr></thead>
        <tbody></tbody></table></div>
        <div id="functions-list"></div>
        </section>
        """

    static let functionsScript = """
        async function loadFunctions() {
          const answer = await fetch("/_emulate/console/api/functions");
          if (!answer.ok) return;
          const service = await answer.json();
          document.querySelector("#routes-table tbody").replaceChildren(...service.routes.map(route => {
            const tr = document.createElement("tr");
            tr.append(cell(route.api), cell(route.method), cell(route.url, "path"), cell(route.function), cell(route.authorizer));
            return tr;
          }));
          const list = document.getElementById("functions-list");
          const open = new Set(Array.from(list.querySelectorAll("details[open]")).map(d => d.dataset.function));
          list.replaceChildren(...service.functions.map(fn => {
            const details = document.createElement("details");
            details.dataset.function = fn.key;
            details.className = "function";
            if (open.has(fn.key)) details.open = true;
            const summary = document.createElement("summary");
            summary.textContent = fn.key + " — " + fn.runs + (fn.runtime ? " (" + fn.runtime + ")" : "") + (fn.events.length ? " · " + fn.events.join(", ") : "");
            const facts = document.createElement("dl");
            fact(facts, "Name", fn.name); fact(facts, "Handler", fn.handler); fact(facts, "Role", fn.role);
            fact(facts, "Timeout", fn.timeout + " s"); fact(facts, "Memory", fn.memorySize + " MB");
            fact(facts, "Triggers", fn.triggers.join(", ") || null); fact(facts, "Schedules", fn.schedules.join(", ") || null);
            const environment = document.createElement("pre"); environment.className = "environment"; environment.textContent = JSON.stringify(fn.environment, null, 2);
            const statements = document.createElement("pre"); statements.textContent = JSON.stringify(fn.statements, null, 2);
            const form = document.createElement("form");
            form.className = "invoke";
            const select = document.createElement("select");
            select.setAttribute("aria-label", "Sample event of " + fn.key);
            for (const type of ["", ...fn.samples]) { const option = document.createElement("option"); option.value = type; option.textContent = type ? "sample " + type + " event" : "{}"; select.append(option); }
            const event = document.createElement("textarea"); event.rows = 8; event.value = "{}"; event.spellcheck = false; event.setAttribute("aria-label", "Event for " + fn.key);
            const button = document.createElement("button"); button.type = "submit"; button.textContent = "Invoke " + fn.key;
            const result = document.createElement("pre"); result.className = "result"; result.hidden = true;
            select.addEventListener("change", async () => {
              if (!select.value) { event.value = "{}"; return; }
              const sample = await fetch("/_emulate/console/api/sample?function=" + encodeURIComponent(fn.key) + "&type=" + encodeURIComponent(select.value));
              event.value = sample.ok ? pretty(await sample.text()) : await sample.text();
            });
            form.addEventListener("submit", async submitted => {
              submitted.preventDefault();
              const answer = await fetch("/_emulate/console/api/invoke", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ function: fn.key, event: event.value }) });
              result.hidden = false;
              if (!answer.ok) { result.textContent = await answer.text(); result.className = "result invalid"; return; }
              const outcome = await answer.json();
              result.className = "result " + (outcome.ok ? "valid" : "invalid");
              result.textContent = (outcome.ok ? "Returned" : "Failed") + " (request " + outcome.requestID + ")\\n" + pretty(outcome.answer);
            });
            const environmentTitle = document.createElement("h3"); environmentTitle.textContent = "Environment";
            const statementsTitle = document.createElement("h3"); statementsTitle.textContent = "Permissions (the role's statements)";
            const invokeTitle = document.createElement("h3"); invokeTitle.textContent = "Invoke";
            form.append(select, event, button);
            details.append(summary, facts, environmentTitle, environment, statementsTitle, statements, invokeTitle, form, result);
            return details;
          }));
        }
        """
}
