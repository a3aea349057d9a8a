// The paste box of the 单位名称 section: the locality's department list, one name a line, mapped
// to roles on the server by the code `drafter units import` uses (/api/units). Shows what was
// mapped, which names fit no role and which roles stay on their defaults; the caller puts the
// new `units` into the form and redraws it (the pasted text and the last answer survive that).
"use strict";

const UnitsPaste = (() => {
  const kept = { text: "", answer: null, error: "" };

  function result(answer, defaults) {
    const el = Form.el;
    if (kept.error) return [el("p", { class: "problem", role: "alert", text: kept.error })];
    if (!answer) return [];
    const parts = [el("p", { text: `已按名单填写 ${answer.mapped.length} 个角色的名称（见下面各栏，保存后写入档案的 units）：` }),
      el("ul", { class: "mapped" }, answer.mapped.map((m) => el("li", { "data-role": m.role },
        `${m.label}：${m.name}`, m.from !== m.name ? el("span", { class: "help", text: `名单中写作 ${m.from}` }) : null)))];
    answer.duplicates.forEach((d) => parts.push(el("p", { class: "warnings", text: `提示：${d.other} 也是${d.label}，已用 ${d.kept}；如不对请在下面“${d.label}”一栏改写` })));
    if (answer.unmapped.length) {
      parts.push(el("p", { text: "以下单位没有对应的角色：措施库不以它们为牵头或责任单位，它们不会写入正文，一般不用处理（只有自己写的地方举措要以它们为牵头或责任单位时，才在“本地其他单位”中定义）：" }),
        el("p", { class: "unmapped", text: answer.unmapped.join("、") }));
    }
    if (answer.skipped && answer.skipped.length) {
      parts.push(el("p", { text: "以下各行不是单位名称（标题，或没有“局、委、办、中心”等字样），已跳过；如是单位，请写出全称：" }),
        el("p", { class: "skipped", text: answer.skipped.map((s) => `${s.text}（第 ${s.line} 行${s.heading ? "，标题" : ""}）`).join("、") }));
    }
    if (answer.defaults.length) {
      parts.push(el("p", { text: `仍用默认名称的角色 ${answer.defaults.length} 个（多为党委、人大、法院等不在政府部门名单中的单位）：` }),
        el("p", { class: "defaults", text: answer.defaults.map((d) => (defaults[d.role] ? `${d.label}（${defaults[d.role]}）` : d.label)).join("、") }));
    }
    return parts;
  }

  // send(text) → {ok, answer | error}; apply(answer) puts answer.units into the form.
  function box(send, apply, defaults) {
    const el = Form.el;
    const area = el("textarea", { id: "units-paste", rows: 5, placeholder: `把政府网站“机构设置”页的部门名称粘贴在这里，一行一个，如\n${defaults.justice || "县司法局"}\n${defaults.finance || "县财政局"}` });
    area.value = kept.text;
    area.addEventListener("input", () => { kept.text = area.value; });
    const button = el("button", { type: "button", id: "units-import", text: "按名单填写单位名称" });
    const shown = el("div", { id: "units-result", class: "units-result", "aria-live": "polite" }, result(kept.answer, defaults));
    button.addEventListener("click", async () => {
      button.disabled = true;
      const reply = await send(area.value);
      button.disabled = false;
      kept.error = reply.ok ? "" : reply.error;
      kept.answer = reply.ok ? reply.answer : null;
      if (reply.ok) apply(reply.answer); else shown.replaceChildren(...result(null, defaults));
    });
    return el("div", { class: "field paste" },
      el("label", { for: "units-paste", text: "粘贴本地的部门名单" }),
      el("span", { class: "help", text: "编号、项目符号可以留着；合并设置的机构对应几个角色，名称按本级的称谓写入（浏阳市司法局 → 市司法局）。与 drafter units import 的对照相同。" }),
      area, el("div", {}, button), shown);
  }

  return { box };
})();
