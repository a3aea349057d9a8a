// The profile form, drawn from the form description the server makes of the schema
// (drafter/serve/form.py). It edits a plain data object in place and calls ctx.changed().
"use strict";

const Form = (() => {
  const OPEN = new Set(["jurisdiction", "document", "initiatives", "selection"]);

  function get(data, path) {
    return path.reduce((node, key) => (node == null ? undefined : node[key]), data);
  }

  function set(data, path, value) {
    let node = data;
    path.slice(0, -1).forEach((key, i) => {
      if (node[key] == null || typeof node[key] !== "object") node[key] = typeof path[i + 1] === "number" ? [] : {};
      node = node[key];
    });
    if (value === undefined) {
      if (Array.isArray(node)) node[path[path.length - 1]] = null; else delete node[path[path.length - 1]];
    } else {
      node[path[path.length - 1]] = value;
    }
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value; else node.setAttribute(key, value === true ? "" : value);
    }
    children.flat(Infinity).forEach((child) => child && node.append(child));
    return node;
  }

  let serial = 0;
  const fieldId = () => `f${++serial}`;

  // One input: label, help, the control, and the place for its problem (data-problem-for).
  function wrap(spec, path, control, extra, before) {
    const dotted = path.join(".");
    const id = control.id || (control.id = fieldId());
    control.dataset.field = dotted;
    const help = spec.help && spec.help !== spec.label ? el("span", { class: "help", id: `${id}-help`, text: spec.help }) : null;
    const problem = el("div", { class: "problem", id: `${id}-problem`, "data-problem-for": dotted, role: "alert" });
    control.setAttribute("aria-describedby", `${id}-problem${help ? ` ${id}-help` : ""}`);
    return el("div", { class: "field", "data-path": dotted },
      el("label", { for: id, class: spec.required ? "required" : null, text: spec.label }), help, before, control, extra, problem);
  }

  function asNumber(text) {
    const t = text.trim();
    if (/^-?\d+$/.test(t)) return parseInt(t, 10);
    if (/^-?\d+\.\d+$/.test(t)) return parseFloat(t);
    return text;
  }

  function selectOf(options, current, placeholder) {
    const select = el("select", {}, el("option", { value: "", text: placeholder || "（不填）" }));
    const values = options.map((o) => o.value);
    if (current !== undefined && current !== null && !values.some((v) => v === current)) {
      options = options.concat([{ value: current, label: `${current}（档案中的写法）` }]);
    }
    options.forEach((o, i) => select.append(el("option", { value: String(i), text: o.label, selected: o.value === current })));
    select._values = options.map((o) => o.value);
    return select;
  }

  function control(spec, path, ctx) {
    const data = ctx.data;
    const value = get(data, path);
    const changed = (v) => { set(data, path, v); ctx.changed(path); };
    switch (spec.kind) {
      case "text": case "number": {
        const input = el("input", { type: "text", value: value == null ? "" : String(value),
          inputmode: spec.kind === "number" ? "decimal" : null, placeholder: ctx.placeholder(spec, path),
          list: spec.suggest ? `${spec.suggest}-list` : null });
        input.addEventListener("input", () => changed(input.value === "" ? undefined : spec.kind === "number" ? asNumber(input.value) : input.value));
        return wrap(spec, path, input);
      }
      case "place": { // the 辖区 name, completed from the gazetteer (places.js)
        const input = el("input", { type: "text", value: value == null ? "" : String(value) });
        input.addEventListener("input", () => changed(input.value === "" ? undefined : input.value));
        return wrap(spec, path, input, ctx.completePlace(input));
      }
      case "textarea": {
        const area = el("textarea", { rows: 3 });
        area.value = value == null ? "" : String(value);
        area.addEventListener("input", () => changed(area.value === "" ? undefined : area.value));
        return wrap(spec, path, area);
      }
      case "lines": {
        const area = el("textarea", { rows: 3, placeholder: "每行一项" });
        area.value = Array.isArray(value) ? value.join("\n") : value == null ? "" : String(value);
        area.addEventListener("input", () => {
          const lines = area.value.split("\n").map((l) => l.trim()).filter(Boolean);
          changed(lines.length ? lines : undefined);
        });
        return wrap(spec, path, area);
      }
      case "things": // a single name where a list belongs (an older page saved that): read as the list of it
        if (typeof value === "string" && value.trim()) {
          const yes = spec.flag && YES.has(value.trim().toLowerCase());
          set(data, path, yes ? true : [value.trim()]);
          return things(spec, path, yes ? true : [value.trim()], changed);
        }
        return things(spec, path, value, changed);
      case "roles": return roles(spec, path, value, changed, ctx);
      case "select": case "bool": case "topic": {
        const options = spec.kind === "bool" ? [{ value: true, label: "是" }, { value: false, label: "否" }]
          : spec.kind === "topic" ? ctx.catalogue.topics.map((t) => ({ value: t.id, label: `${t.chapter} · ${t.title}` }))
          : spec.options;
        const select = selectOf(options, value, spec.kind === "topic" ? "（请选择专题）" : null);
        select.addEventListener("change", () => changed(select.value === "" ? undefined : select._values[Number(select.value)]));
        return wrap(spec, path, select);
      }
      case "models": {
        const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
        const box = el("div", { class: "models", role: "group", id: fieldId() });
        ctx.catalogue.models.forEach((m) => {
          const check = el("input", { type: "checkbox", value: m.key, checked: chosen.has(m.key) });
          check.addEventListener("change", () => {
            const keys = [...box.querySelectorAll("input:checked")].map((c) => c.value);
            changed(keys.length === 0 ? undefined : keys.length === 1 ? keys[0] : keys);
          });
          box.append(el("label", {}, check, ` ${m.name}`));
        });
        return wrap(spec, path, box);
      }
      case "map": {
        const area = el("textarea", { rows: 3, placeholder: "每行一个：角色键: 单位名称，如 sheep_office: 县羊绒产业办" });
        area.value = value && typeof value === "object" ? Object.entries(value).map(([k, v]) => `${k}: ${v}`).join("\n") : "";
        area.addEventListener("input", () => {
          const entries = area.value.split("\n").map((l) => l.split(/[:：]/)).filter((p) => p[0].trim())
            .map(([k, ...rest]) => [k.trim(), rest.join(":").trim()]);
          changed(entries.length ? Object.fromEntries(entries) : undefined);
        });
        return wrap(spec, path, area);
      }
      case "group": return group(spec, path, ctx);
      case "list": return list(spec, path, ctx);
      case "replace": return replacements(spec, path, ctx);
    }
    return el("p", { text: `（${spec.label}：请在档案文件中编辑）` });
  }

  // A local fact a line: "名称（类别）" → {name, kind}; a fact's detail is kept while its line is.
  const KIND = /^(.+?)\s*[（(]([^（）()]+)[）)]$/;
  const YES = new Set(["是", "true", "有", "√"]);

  function thingLine(item) {
    if (item && typeof item === "object") return item.kind ? `${item.name}（${item.kind}）` : String(item.name || "");
    return String(item);
  }

  function thingOf(line, before) {
    const old = before.find((item) => thingLine(item) === line);
    if (old !== undefined) return old;
    const found = KIND.exec(line);
    return found ? { name: found[1].trim(), kind: found[2].trim() } : line;
  }

  function things(spec, path, value, changed) {
    let before = Array.isArray(value) ? value : (value && typeof value === "object") || typeof value === "string" ? [value] : [];
    const area = el("textarea", { rows: 3, placeholder: "每行一项" });
    area.value = before.map(thingLine).join("\n");
    const check = spec.flag ? el("input", { type: "checkbox", checked: value === true || before.length > 0 }) : null;
    const store = () => {
      const lines = area.value.split("\n").map((l) => l.trim()).filter(Boolean);
      if (check && lines.length === 1 && YES.has(lines[0].toLowerCase())) { check.checked = true; changed(true); return; }
      if (check && lines.length) check.checked = true;
      const items = lines.map((line) => thingOf(line, before));
      if (items.length) { before = items; changed(items); } else changed(check && check.checked ? true : undefined);
    };
    area.addEventListener("input", store);
    if (!check) return wrap(spec, path, area);
    check.id = fieldId();
    check.addEventListener("change", () => {
      if (!check.checked) area.value = "";
      store();
    });
    const box = el("label", { class: "flag", for: check.id }, check, " 是重点地区");
    return wrap(spec, path, area, null, box);
  }

  // 牵头、责任单位: chosen by the unit's name (the roles' keys stay in the data only).
  function roles(spec, path, value, changed, ctx) {
    let chosen = Array.isArray(value) ? value.slice() : value ? [String(value)] : [];
    const input = el("input", { type: "text", list: "units-names-list", placeholder: "输入或从列表选单位名称，回车添加；多个用顿号隔开" });
    const chips = el("span", { class: "names chips", "data-roles-for": path.join(".") });
    const store = () => changed(chosen.length ? chosen.slice() : undefined);
    const add = () => {
      const words = input.value.split(/[,，、;；\s]+/).filter(Boolean);
      if (!words.length) return;
      words.map(ctx.roleOf).forEach((role) => { if (!chosen.includes(role)) chosen.push(role); });
      input.value = "";
      store();
      ctx.showRoles();
    };
    input.addEventListener("change", add);
    input.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); add(); } });
    chips._remove = (role) => { chosen = chosen.filter((r) => r !== role); store(); ctx.showRoles(); input.focus(); };
    chips._chosen = () => chosen;
    return wrap(spec, path, input, chips);
  }

  function group(spec, path, ctx) {
    const body = spec.children.map((child) => control(child, path.concat([child.key]), ctx));
    const extra = ctx.extras[spec.path] ? ctx.extras[spec.path](ctx) : null;
    const lead = ctx.leads[spec.path] ? ctx.leads[spec.path](ctx) : null; // before the fields (the units' paste box)
    if (path.length === 1) {
      return el("details", { open: OPEN.has(spec.key), "data-path": spec.path, id: `section-${spec.key}` },
        el("summary", { text: spec.label }), spec.help ? el("p", { class: "help", text: spec.help }) : null, lead, body, extra,
        el("div", { class: "problem", "data-problem-for": spec.path, role: "alert" }));
    }
    return el("fieldset", { "data-path": path.join(".") }, el("legend", { text: spec.label }), body,
      el("div", { class: "problem", "data-problem-for": path.join("."), role: "alert" }));
  }

  function itemBox(title, fields, onRemove, removeLabel) {
    const remove = el("button", { type: "button", text: removeLabel });
    remove.addEventListener("click", onRemove);
    return el("fieldset", {}, el("legend", { text: title }), fields, el("div", { class: "item-actions" }, remove));
  }

  function list(spec, path, ctx) {
    const items = Array.isArray(get(ctx.data, path)) ? get(ctx.data, path) : [];
    const boxes = items.map((item, index) => {
      const at = path.concat([index]);
      const fields = spec.item.map((child) => control(child, at.concat([child.key]), ctx));
      const box = itemBox(`${spec.label} 第 ${index + 1} 项`, fields, () => {
        items.splice(index, 1);
        set(ctx.data, path, items.length ? items : undefined);
        ctx.rebuild(path.join("."));
      }, "删去这一项");
      box.dataset.path = at.join(".");
      return box;
    });
    const add = el("button", { type: "button", "data-add": path.join("."), text: `添加${spec.label.replace(/^地方/, "")}` });
    add.addEventListener("click", () => {
      const next = items.concat([{}]);
      set(ctx.data, path, next);
      ctx.rebuild(`${path.join(".")}.${next.length - 1}`);
    });
    const inner = [boxes, el("div", { class: "problem", "data-problem-for": path.join("."), role: "alert" }), add];
    if (path.length === 1) {
      return el("details", { open: OPEN.has(spec.key), "data-path": spec.path, id: `section-${spec.key}` },
        el("summary", { text: spec.label }), el("p", { class: "help", text: spec.help }), inner);
    }
    return el("fieldset", { "data-path": path.join(".") }, el("legend", { text: spec.label }), inner);
  }

  function replacements(spec, path, ctx) {
    const entries = () => Object.entries(get(ctx.data, path) || {});
    const store = (pairs) => { set(ctx.data, path, pairs.length ? Object.fromEntries(pairs) : undefined); };
    const boxes = entries().map(([id, fields], index) => {
      const idInput = el("input", { type: "text", value: id });
      idInput.addEventListener("change", () => {
        const pairs = entries(); pairs[index] = [idInput.value.trim(), pairs[index][1]]; store(pairs);
        ctx.rebuild(path.concat([idInput.value.trim()]).join("."));
      });
      const children = spec.item.filter((c) => c.key !== "topic")
        .map((child) => control(child, path.concat([id, child.key]), ctx));
      return itemBox(`改写 ${id}`, [wrap({ label: "措施编号" }, path.concat([id]), idInput), children], () => {
        store(entries().filter((_, i) => i !== index)); ctx.rebuild(path.join("."));
      }, "不再改写");
    });
    return el("fieldset", { "data-path": path.join(".") }, el("legend", { text: spec.label }),
      el("span", { class: "help", text: `${spec.help}（在下面的措施库查找中点“改写”添加）` }), boxes,
      el("div", { class: "problem", "data-problem-for": path.join("."), role: "alert" }));
  }

  function render(container, spec, ctx) {
    container.replaceChildren(...spec.map((section) => control(section, [section.key], ctx)));
  }

  // Each problem at its field, or the nearest enclosing one; the rest in `general`.
  function showProblems(container, general, problems) {
    container.querySelectorAll(".problem").forEach((node) => { node.textContent = ""; });
    container.querySelectorAll(".invalid").forEach((node) => { node.classList.remove("invalid"); node.removeAttribute("aria-invalid"); });
    const rest = [];
    problems.forEach((problem) => {
      let parts = problem.field ? problem.field.split(".") : [];
      let place = null;
      while (parts.length && !place) {
        place = container.querySelector(`[data-problem-for="${CSS.escape(parts.join("."))}"]`);
        if (!place) parts = parts.slice(0, -1);
      }
      if (!place) { rest.push(problem); return; }
      place.append(el("p", { text: problem.message }));
      const input = container.querySelector(`[data-field="${CSS.escape(parts.join("."))}"]`);
      if (input) { input.classList.add("invalid"); input.setAttribute("aria-invalid", "true"); }
      const section = place.closest("details");
      if (section) section.open = true;
    });
    general.replaceChildren(...rest.map((p) => el("p", { text: p.field ? `${p.field}：${p.message}` : p.message })));
  }

  return { render, showProblems, el, get, set };
})();
