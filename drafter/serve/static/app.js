// The page: loads a profile, keeps the preview, problems and size line up to date as the
// user types (debounced), saves the YAML (asking before overwriting a file changed on disk)
// and downloads the drafts. All drafting happens on the server through drafter's API.
"use strict";

(() => {
  const $ = (selector) => document.querySelector(selector);
  const state = { name: null, base: "", version: "", data: {}, dirty: false, sequence: 0, inflight: false, again: false, units: {}, defaults: {}, problems: [], spec: [], catalogue: null };
  const form = $("#form");
  let timer = null;

  function status(text, error) {
    $("#status").textContent = text;
    $("#status").classList.toggle("error", Boolean(error));
  }

  async function call(url, body) {
    const options = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    try {
      return await fetch(url, options);
    } catch (_) { // the server was stopped or the connection broke
      const lost = { error: "连不上 drafter serve：它可能已停止。请在命令行重新运行 drafter serve，再刷新本页（未保存的修改会丢失）" };
      return new Response(JSON.stringify(lost), { status: 503, headers: { "Content-Type": "application/json" } });
    }
  }

  async function json(response) {
    try { return await response.json(); } catch (_) { return { error: `服务器返回了无法识别的内容（${response.status}）` }; }
  }

  const ctx = {
    get data() { return state.data; },
    get catalogue() { return state.catalogue; },
    extras: { selection: () => librarySearch() },
    leads: { units: () => unitsPaste() },
    completePlace: (input) => Places.attach(input, findPlaces, choosePlace),
    changed() { state.dirty = true; schedule(); },
    rebuild(focusPath) { state.dirty = true; draw(focusPath); schedule(); },
    roleOf,
    showRoles: () => showRoleNames(),
    placeholder(spec, path) {
      if (path[0] === "units") return unitDefault(spec.key);
      const found = /默认[ 名称如]*([^）)]+)/.exec(spec.help || "");
      return found ? `默认：${found[1].trim()}` : null;
    },
  };

  // The default name of a role for the level in the form (`drafter units` before any is named).
  function unitDefault(role) {
    const unit = state.defaults[role];
    if (!unit) return null;
    return unit.name ? `默认：${unit.name}` : "未设置：没有默认名称，写上本地名称才写入措施";
  }

  function showDefaults(defaults) {
    state.defaults = defaults || {};
    form.querySelectorAll('[data-field^="units."]').forEach((input) => {
      const text = unitDefault(input.dataset.field.slice(6));
      if (text) input.setAttribute("placeholder", text); else input.removeAttribute("placeholder");
    });
  }

  const { fieldLabel, fieldsWords, folded, goTo, linked } = Labels.of(form);

  function showGeneral(problems) {
    Form.showProblems(form, $("#general"), problems);
    $("#general").querySelectorAll("p").forEach((node) => node.replaceChildren(...linked(node.textContent)));
    // at its own field the message need not name the field's key: "耕地保护和粮食生产（local.farmland）应……"
    form.querySelectorAll(".problem p").forEach((node) => {
      node.textContent = node.textContent.replace(/（[a-z][a-z_]*(?:\.[a-z0-9_]+)+）/g, "");
    });
  }

  function draw(focusPath) {
    Form.render(form, state.spec, ctx);
    showRoleNames();
    if (focusPath) {
      const box = form.querySelector(`[data-path="${CSS.escape(focusPath)}"]`);
      const target = box && box.querySelector("input, select, textarea");
      if (target) { target.focus(); box.scrollIntoView({ block: "nearest" }); }
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  // One preview in flight per page: what was typed meanwhile is sent when it returns, so a
  // busy server is not sent previews nobody will see.
  async function refresh() {
    if (state.inflight) { state.again = true; return; }
    state.inflight = true;
    try {
      await preview();
    } finally {
      state.inflight = false;
    }
    if (state.again) { state.again = false; refresh(); }
  }

  async function preview() {
    const sequence = ++state.sequence;
    const response = await call("/api/preview", { name: state.name, data: state.data });
    const answer = await json(response);
    if (sequence !== state.sequence) return; // another profile was opened meanwhile
    if (!response.ok) { status(answer.error || "预览失败", true); return; }
    state.problems = answer.problems;
    showDefaults(answer.defaults);
    showGeneral(answer.problems);
    $("#warnings").replaceChildren(...folded(answer.warnings, state.warningsOpen === true,
                                            (open) => { state.warningsOpen = open; }));
    const frame = $("#preview");
    if (answer.html) {
      const scroll = frame.contentWindow ? frame.contentWindow.scrollY : 0;
      frame.addEventListener("load", () => frame.contentWindow.scrollTo(0, scroll), { once: true });
      frame.srcdoc = answer.html.replace("</head>", "<style>html { zoom: .8; }</style></head>");
      frame.classList.remove("stale");
      state.units = answer.units;
      $("#size").textContent = `篇幅：${answer.size}`;
      showRoleNames();
      // a preview that lands after a save must not wipe its "已保存到 …" (it did, on a slow machine)
      if (!answer.ok) {
        status(`档案有 ${answer.problems.length} 个问题（${fieldsWords(answer.problems)}），已在栏目下标出；预览按不填${fieldsWords(answer.omitted.map((field) => ({ field })))}起草`, true);
      } else if (state.dirty) status("有未保存的修改");
      else if ($("#status").classList.contains("error")) status("");
    } else {
      frame.classList.add("stale");
      const size = $("#size").textContent.replace(/（上次通过检查时）$/, "");
      $("#size").textContent = size.includes("条措施") ? `${size}（上次通过检查时）` : "篇幅：档案通过检查后显示";
      status(`档案有 ${answer.problems.length} 个问题（${fieldsWords(answer.problems)}），已在栏目下标出；预览在改好后更新（现为上次通过检查时的内容）`, true);
    }
  }

  function knownUnits() {
    return { ...state.defaults, ...state.units };
  }

  // A word typed in a 牵头/责任单位 box → the role it names (its key, its name or its label), else as typed.
  function roleOf(word) {
    const units = knownUnits();
    if (units[word]) return word;
    const found = Object.entries(units).find(([, u]) => u.name === word) || Object.entries(units).find(([, u]) => u.label === word);
    return found ? found[0] : word;
  }

  function showRoleNames() {
    const units = knownUnits();
    const named = (r) => Object.values(units).some((u) => u.name === r); // a unit written by its name
    form.querySelectorAll("[data-roles-for]").forEach((node) => {
      const chosen = node._chosen ? node._chosen() : [];
      node.replaceChildren(...chosen.map((role) => {
        const name = units[role] ? units[role].name : named(role) ? role : `${role}（不是本地单位的名称）`;
        const remove = Form.el("button", { type: "button", class: "chip-remove", "aria-label": `删去 ${name}`, text: "×" });
        remove.addEventListener("click", () => node._remove(role));
        return Form.el("span", { class: "chip", "data-role": role, title: units[role] ? units[role].label : null }, Form.el("span", { text: name }), remove);
      }));
    });
    const list = document.getElementById("units-names-list") || document.body.appendChild(Form.el("datalist", { id: "units-names-list" }));
    list.replaceChildren(...Object.values(units).map((unit) => Form.el("option", { value: unit.name, label: unit.label })));
  }

  async function findPlaces(query) {
    const answer = await json(await call(`/api/places?q=${encodeURIComponent(query)}`));
    return answer.places || [];
  }

  // As `drafter init --name` does: the gazetteer's province, city, level and short name.
  function choosePlace(place) {
    const fields = { name: place.name, short: place.short, province: place.province, level: place.level, city: place.city || undefined };
    Object.entries(fields).forEach(([key, value]) => Form.set(state.data, ["jurisdiction", key], value));
    ctx.rebuild("jurisdiction.name");
    status(`已按行政区划填写：${Places.label(place)}`);
  }

  function unitsPaste() {
    const defaults = Object.fromEntries(Object.entries(state.defaults).map(([key, u]) => [key, u.name]));
    return UnitsPaste.box(async (text) => {
      const response = await call("/api/units", { name: state.name, data: state.data, text });
      const answer = await json(response);
      return response.ok ? { ok: true, answer } : { ok: false, error: answer.error || "名单没有读成" };
    }, (answer) => {
      Form.set(state.data, ["units"], answer.units);
      ctx.rebuild("units");
      const section = document.getElementById("section-units");
      if (section) section.open = true;
      document.getElementById("units-result").scrollIntoView({ block: "nearest" });
    }, defaults);
  }

  function librarySearch() {
    const input = Form.el("input", { type: "search", id: "library-query", placeholder: "输入关键词，如 行政复议、证明事项" });
    const results = Form.el("ul", { class: "results", id: "library-results", "aria-live": "polite" });
    let wait = null;
    input.addEventListener("input", () => {
      clearTimeout(wait);
      wait = setTimeout(async () => {
        const answer = await json(await call(`/api/library?q=${encodeURIComponent(input.value)}`));
        results.replaceChildren(...(answer.measures || []).map(measureItem));
      }, 250);
    });
    return Form.el("div", { class: "field" }, Form.el("label", { for: "library-query", text: "在措施库中查找（看出处，决定删去或改写）" }), input, results);
  }

  function measureItem(measure) {
    const drop = Form.el("button", { type: "button", text: "不采用" });
    drop.addEventListener("click", () => {
      const current = Form.get(state.data, ["selection", "drop"]) || [];
      if (!current.includes(measure.id)) Form.set(state.data, ["selection", "drop"], current.concat([measure.id]));
      ctx.rebuild("selection.drop");
    });
    const rewrite = Form.el("button", { type: "button", text: "改写" });
    rewrite.addEventListener("click", () => {
      Form.set(state.data, ["selection", "replace", measure.id], { title: measure.title, text: measure.text });
      ctx.rebuild(`selection.replace.${measure.id}`);
    });
    return Form.el("li", {}, Form.el("strong", { text: `${measure.title}` }), ` ${measure.id}`,
      Form.el("div", { class: "meta", text: `${measure.topic} · 出处：${measure.sources}` }),
      Form.el("div", { text: measure.text }), drop, " ", rewrite);
  }

  async function save(overwrite) {
    if (!state.name) return;
    const response = await call("/api/save", { name: state.name, data: state.data, base: state.base, version: state.version, overwrite: Boolean(overwrite) });
    const answer = await json(response);
    if (response.status === 409) {
      if (window.confirm(`${answer.error}\n\n仍要保存（用本页的内容覆盖磁盘上的档案）吗？`)) return save(true);
      status("没有保存：档案已在别处修改。可刷新页面载入新版本（本页的修改会丢失）。", true);
      return;
    }
    if (!response.ok) { status(answer.error || "保存失败", true); return; }
    Object.assign(state, { base: answer.text, version: answer.version, dirty: false });
    if (state.problems.length) {
      status(`已保存（还有 ${state.problems.length} 个问题：${fieldsWords(state.problems)}），档案 ${answer.path}；改好后才能下载 Word 稿`, true);
    } else status(`已保存到 ${answer.path}`);
  }

  async function download(kind) {
    status("正在生成……");
    const response = await call(`/api/download/${kind}`, { name: state.name, data: state.data });
    if (!response.ok) {
      const answer = await json(response);
      if (answer.problems) {
        showGeneral(answer.problems);
        status(`档案有问题，改好后才能下载：${fieldsWords(answer.problems)}（已跳到${answer.problems.length > 1 ? "第一个问题的" : "这"}一栏）`, true);
        goTo(answer.problems[0].field);
        return;
      }
      status(answer.error || "下载失败", true);
      return;
    }
    const header = response.headers.get("Content-Disposition") || "";
    const name = decodeURIComponent((/filename\*=UTF-8''([^;]+)/.exec(header) || [, "初稿"])[1]);
    const link = Form.el("a", { href: URL.createObjectURL(await response.blob()), download: name });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    status(`已下载 ${name}`);
  }

  async function open(name) {
    const response = await call(`/api/profile?name=${encodeURIComponent(name)}`);
    const answer = await json(response);
    if (!response.ok) { status(answer.error, true); return; }
    state.sequence += 1; // an answer still on its way is for the previous profile
    Object.assign(state, { name: answer.name, base: answer.text, version: answer.version, dirty: false,
      data: answer.data && typeof answer.data === "object" && !Array.isArray(answer.data) ? answer.data : {} });
    $("#save").disabled = answer.data === null;
    $("#path").textContent = answer.path;
    document.title = `${answer.name} · 实施方案网页编辑`;
    state.defaults = answer.defaults || {};
    draw();
    if (answer.data === null) {
      showGeneral(answer.problems || []);
      $("#size").textContent = "篇幅：档案通过检查后显示";
      status("这个档案无法按表单读取，请先在文本编辑器中按上面的提示修改，再刷新本页（此时不能在网页中保存）", true);
      return;
    }
    await refresh();
  }

  async function start() {
    const answer = await json(await call("/api/start"));
    Object.assign(state, { spec: answer.form, catalogue: answer.catalogue });
    document.body.append(Form.el("datalist", { id: "provinces-list" },
      answer.catalogue.provinces.map((name) => Form.el("option", { value: name }))));
    $("#profile").replaceChildren(...answer.profiles.map((name) => Form.el("option", { value: name, text: name })));
    $("#profile").addEventListener("change", () => {
      if (!state.dirty || window.confirm("当前档案有未保存的修改，切换后会丢失。继续吗？")) open($("#profile").value);
    });
    $("#save").addEventListener("click", () => save(false));
    document.querySelectorAll("[data-download]").forEach((b) => b.addEventListener("click", () => download(b.dataset.download)));
    document.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); save(false); }
    });
    window.addEventListener("beforeunload", (event) => { if (state.dirty) event.preventDefault(); });
    await open(answer.profiles[0]);
  }

  start();
})();
