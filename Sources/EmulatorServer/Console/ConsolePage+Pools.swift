extension ConsolePage {
    /// The user pools panel: pools and clients as DescribeUserPool shows them, users found with ListUsers'
    /// filters, and what can be done to them — all through the same operations as the API.
    static let poolsSection = """
        <section id="pools" class="panel" hidden aria-labelledby="pools-title">
        <h2 id="pools-title">User pools</h2>
        <form class="filters" id="pool-form"><label>Pool <select id="pool-select"></select></label></form>
        <details id="pool-settings"><summary>Settings (DescribeUserPool) and app clients</summary><pre id="pool-description"></pre><pre id="pool-clients"></pre></details>
        <h3>Users</h3>
        <form class="filters" id="user-search" role="search">
        <label>Attribute <select id="user-filter-attribute"><option>username</option><option>email</option><option>phone_number</option><option>name</option><option>given_name</option><option>family_name</option><option>preferred_username</option><option>cognito:user_status</option><option>status</option><option>sub</option></select></label>
        <label>Match <select id="user-filter-match"><option value="^=">starts with</option><option value="=">is</option></select></label>
        <label>Value <input id="user-filter-value" type="search"></label>
        <button type="submit">Search</button>
        </form>
        <div class="table"><table id="users-table">
        <thead><tr><th>Username</th><th>Status</th><th>Enabled</th><th>Actions</th><th class="optional">E-mail</th><th class="optional">Created</th></tr></thead>
        <tbody></tbody></table></div>
        <h3>Create a user</h3>
        <form class="filters" id="user-create">
        <label>Username <input id="create-username" required autocomplete="off"></label>
        <label>E-mail <input id="create-email" type="email" autocomplete="off"></label>
        <label>Password <input id="create-password" type="password" autocomplete="new-password" required></label>
        <label><span>Permanent</span><input id="create-permanent" type="checkbox" checked></label>
        <button type="submit">Create</button>
        </form>
        <p id="pools-status" role="status" aria-live="polite"></p>
        <div id="user-detail" hidden><h3 id="user-detail-title"></h3><pre id="user-detail-body"></pre></div>
        </section>
        """

    static let poolsScript = """
        async function cognito(operation, request) {
          const answer = await fetch("/_emulate/console/api/cognito", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ operation, request }) });
          const result = await answer.json().catch(() => ({}));
          if (!answer.ok) throw new Error((result.__type || answer.status) + ": " + (result.message || result.Message || ""));
          return result;
        }
        const poolStatus = document.getElementById("pools-status");
        function report(promise, done) {
          return promise.then(result => { if (done) { poolStatus.textContent = done; poolStatus.className = "valid"; } return result; })
                        .catch(error => { poolStatus.textContent = error.message; poolStatus.className = "invalid"; });
        }
        function currentPool() { return document.getElementById("pool-select").value; }
        async function loadPools() {
          const select = document.getElementById("pool-select");
          const list = await cognito("ListUserPools", { MaxResults: 60 });
          const chosen = select.value;
          select.replaceChildren(...list.UserPools.map(pool => { const option = document.createElement("option"); option.value = pool.Id; option.textContent = pool.Name + " (" + pool.Id + ")"; return option; }));
          if (chosen) select.value = chosen;
          if (select.value) await loadPool();
        }
        async function loadPool() {
          const pool = currentPool();
          const [description, clients] = await Promise.all([cognito("DescribeUserPool", { UserPoolId: pool }), cognito("ListUserPoolClients", { UserPoolId: pool, MaxResults: 60 })]);
          document.getElementById("pool-description").textContent = JSON.stringify(description.UserPool, null, 2);
          document.getElementById("pool-clients").textContent = JSON.stringify(clients.UserPoolClients, null, 2);
          await searchUsers();
        }
        function attribute(user, name) { const found = (user.Attributes || []).find(a => a.Name === name); return found ? found.Value : null; }
        function actionButton(label, handler) {
          const button = document.createElement("button"); button.type = "button"; button.textContent = label; button.className = "action";
          button.addEventListener("click", event => { event.stopPropagation(); handler(); });
          return button;
        }
        async function searchUsers() {
          const value = document.getElementById("user-filter-value").value;
          const request = { UserPoolId: currentPool(), Limit: 60 };
          if (value) request.Filter = document.getElementById("user-filter-attribute").value + " " + document.getElementById("user-filter-match").value + " " + JSON.stringify(value);
          const list = await report(cognito("ListUsers", request), null);
          if (!list) return;
          const body = document.querySelector("#users-table tbody");
          body.replaceChildren(...list.Users.map(user => {
            const tr = document.createElement("tr");
            tr.tabIndex = 0;
            tr.dataset.username = user.Username;
            const actions = document.createElement("td");
            const name = user.Username;
            const run = (operation, request, done) => report(cognito(operation, Object.assign({ UserPoolId: currentPool(), Username: name }, request)), done).then(searchUsers);
            if (user.UserStatus === "UNCONFIRMED") actions.append(actionButton("Confirm", () => run("AdminConfirmSignUp", {}, name + " confirmed")));
            actions.append(user.Enabled ? actionButton("Disable", () => run("AdminDisableUser", {}, name + " disabled")) : actionButton("Enable", () => run("AdminEnableUser", {}, name + " enabled")));
            actions.append(actionButton("Reset password", () => run("AdminResetUserPassword", {}, name + ": password reset, a code is in the outbox")));
            actions.append(actionButton("Add to group", async () => {
              const groups = await cognito("ListGroups", { UserPoolId: currentPool() });
              const group = prompt("Group (" + groups.Groups.map(g => g.GroupName).join(", ") + ")");
              if (group) run("AdminAddUserToGroup", { GroupName: group }, name + " added to " + group);
            }));
            actions.append(actionButton("Delete", () => { if (confirm("Delete " + name + "?")) run("AdminDeleteUser", {}, name + " deleted"); }));
            tr.append(cell(name), cell(user.UserStatus), cell(user.Enabled ? "yes" : "no"), actions, cell(attribute(user, "email"), "optional"),
                      cell(new Date(user.UserCreateDate * 1000).toISOString().substring(0, 19), "optional"));
            const open = () => showUser(name);
            tr.addEventListener("click", open);
            tr.addEventListener("keydown", event => { if (event.key === "Enter" && event.target === tr) open(); });
            return tr;
          }));
        }
        async function showUser(name) {
          const pool = currentPool();
          const [user, groups, devices] = await Promise.all([
            cognito("AdminGetUser", { UserPoolId: pool, Username: name }),
            cognito("AdminListGroupsForUser", { UserPoolId: pool, Username: name }),
            cognito("AdminListDevices", { UserPoolId: pool, Username: name }).catch(() => ({ Devices: [] }))]);
          document.getElementById("user-detail-title").textContent = name;
          document.getElementById("user-detail-body").textContent = JSON.stringify({ user, groups: groups.Groups.map(g => g.GroupName), devices: devices.Devices }, null, 2);
          document.getElementById("user-detail").hidden = false;
        }
        document.getElementById("pool-select").addEventListener("change", loadPool);
        document.getElementById("pool-form").addEventListener("submit", event => event.preventDefault());
        document.getElementById("user-search").addEventListener("submit", event => { event.preventDefault(); searchUsers(); });
        document.getElementById("user-create").addEventListener("submit", async event => {
          event.preventDefault();
          const username = document.getElementById("create-username").value.trim();
          const email = document.getElementById("create-email").value.trim();
          const password = document.getElementById("create-password").value;
          const permanent = document.getElementById("create-permanent").checked;
          const attributes = email ? [{ Name: "email", Value: email }, { Name: "email_verified", Value: "true" }] : [];
          const pool = currentPool();
          const created = await report((async () => {
            await cognito("AdminCreateUser", { UserPoolId: pool, Username: username, UserAttributes: attributes, MessageAction: "SUPPRESS", TemporaryPassword: permanent ? undefined : password });
            if (permanent) await cognito("AdminSetUserPassword", { UserPoolId: pool, Username: username, Password: password, Permanent: true });
            return true;
          })(), username + " created");
          document.getElementById("create-password").value = "";
          if (created) searchUsers();
        });
        """
}
