extension ConsolePage {
    /// The outbox, tokens and clock panels, and the switch between panels (by the URL's fragment).
    static let panelsScript = """
        function showPanel() {
          const name = (location.hash || "#requests").substring(1);
          for (const panel of document.querySelectorAll("section.panel")) panel.hidden = panel.id !== name;
          if (name !== "requests") document.getElementById("detail").hidden = true;
          for (const link of document.querySelectorAll("header nav a")) {
            if (link.getAttribute("href") === "#" + name) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
          }
          if (name === "outbox") refreshOutbox();
          if (name === "clock") refreshClock();
          if (name === "pools") loadPools();
          if (name === "functions") loadFunctions();
        }
        window.addEventListener("hashchange", showPanel);

        const outboxRows = new Map();
        function outboxMatches(message) {
          const text = document.getElementById("outbox-filter").value.trim().toLowerCase();
          return !text || [message.username, message.destination].some(v => v && v.toLowerCase().includes(text));
        }
        async function refreshOutbox() {
          const answer = await fetch("/_emulate/console/api/outbox");
          if (!answer.ok) return;
          const list = await answer.json();
          const body = document.querySelector("#outbox-table tbody");
          for (const message of list.messages) {
            const key = [message.sentAt, message.userPoolId, message.username, message.trigger, message.code].join("|");
            let tr = outboxRows.get(key);
            if (!tr) {
              tr = document.createElement("tr");
              tr.message = message;
              tr.replaceChildren(
                cell(new Date(message.sentAt * 1000).toISOString().substring(11, 19)), cell(message.username), cell(message.trigger),
                cell(message.code, "code"), cell(message.destination), cell(message.deliveryMedium, "optional"),
                cell(message.userPoolId, "optional"), cell(message.subject || message.message, "optional path"));
              outboxRows.set(key, tr);
              body.prepend(tr);
            }
            tr.hidden = !outboxMatches(tr.message);
          }
          document.getElementById("outbox-empty").hidden = outboxRows.size > 0;
        }
        document.getElementById("outbox-filter").addEventListener("input", () => { for (const tr of outboxRows.values()) tr.hidden = !outboxMatches(tr.message); });
        document.getElementById("outbox-filters").addEventListener("submit", event => event.preventDefault());
        setInterval(() => { if (!document.getElementById("outbox").hidden) refreshOutbox(); }, 1500);

        document.getElementById("token-form").addEventListener("submit", async event => {
          event.preventDefault();
          const token = document.getElementById("token-input").value.trim();
          const answer = await fetch("/_emulate/console/api/token", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
          const verdict = document.getElementById("token-verdict");
          if (!answer.ok) { verdict.textContent = await answer.text(); verdict.className = "invalid"; return; }
          const result = await answer.json();
          verdict.textContent = (result.valid ? "✓ " : "✗ ") + result.verdict;
          verdict.className = result.valid ? "valid" : "invalid";
          document.getElementById("token-parts").hidden = result.claims == null;
          document.getElementById("token-header").textContent = JSON.stringify(result.header, null, 2);
          const claims = Object.assign({}, result.claims);
          for (const name of ["exp", "iat", "auth_time", "nbf"]) {
            if (typeof claims[name] === "number") claims[name] = claims[name] + " (" + new Date(claims[name] * 1000).toISOString() + ")";
          }
          document.getElementById("token-claims").textContent = JSON.stringify(claims, null, 2);
        });

        function duration(seconds) {
          const sign = seconds < 0 ? "-" : "+";
          let rest = Math.abs(Math.round(seconds));
          const parts = [[86400, "d"], [3600, "h"], [60, "min"], [1, "s"]].flatMap(([size, unit]) => {
            const count = Math.floor(rest / size); rest -= count * size; return count ? [count + " " + unit] : [];
          });
          return sign + (parts.join(" ") || "0 s");
        }
        async function refreshClock() {
          const answer = await fetch("/_emulate/console/api/clock");
          if (!answer.ok) return;
          const clock = await answer.json();
          document.getElementById("clock-now").textContent = clock.time;
          document.getElementById("clock-offset").textContent = duration(clock.offsetSeconds);
          document.querySelector("#clock-upcoming tbody").replaceChildren(...clock.upcoming.map(item => {
            const tr = document.createElement("tr"); tr.append(cell(item.at.substring(0, 19).replace("T", " ")), cell(item.what)); return tr;
          }));
        }
        async function advance(seconds) {
          const answer = await fetch("/_emulate/clock", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ advanceSeconds: seconds }) });
          document.getElementById("clock-status").textContent = answer.ok ? "Moved " + duration(seconds) + "." : await answer.text();
          refreshClock();
        }
        for (const button of document.querySelectorAll("#clock-form button[data-advance]")) {
          button.addEventListener("click", () => advance(Number(button.dataset.advance)));
        }
        document.getElementById("clock-form").addEventListener("submit", event => { event.preventDefault(); advance(Number(document.getElementById("clock-seconds").value)); });
        setInterval(() => { if (!document.getElementById("clock").hidden) refreshClock(); }, 1000);
        showPanel();
        """
}
