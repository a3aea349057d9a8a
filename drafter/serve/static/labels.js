// The field a message is about, as a user reads it: its label in the form, a link that opens,
// scrolls to and focuses it, and the CLI's field keys in hints turned into those labels.
"use strict";

const Labels = (() => {
  const KINDS = [["document.basis", "依据文件"], ["主要指标", "指标"], ["targets.", "指标"], ["units.", "单位名称"],
                 ["local.", "本地情况"], ["jurisdiction.", "辖区"]];

  function of(form) {
    // What a user reads for a field: its label in the form (in its item: "地方举措 第 2 项的牵头单位").
    function fieldLabel(field) {
      let parts = field ? String(field).split(".") : [];
      while (parts.length) {
        const box = form.querySelector(`[data-path="${CSS.escape(parts.join("."))}"]`);
        if (box) {
          const own = box.querySelector(box.matches("details") ? ":scope > summary" : box.matches("fieldset") ? ":scope > legend" : ":scope > label");
          const text = own ? own.textContent.trim() : parts.join(".");
          const outer = box.parentElement && box.parentElement.closest("fieldset[data-path]");
          const legend = outer ? outer.querySelector(":scope > legend") : null;
          return legend ? `${legend.textContent.trim()}的${text}` : text;
        }
        parts = parts.slice(0, -1);
      }
      return "";
    }

    function fieldsWords(problems) {
      const labels = [...new Set(problems.map((p) => fieldLabel(p.field) || "档案整体"))];
      return labels.join("、");
    }

    // Open, scroll to and focus the field of the first problem.
    function goTo(field) {
      let parts = field ? String(field).split(".") : [];
      while (parts.length) {
        const dotted = CSS.escape(parts.join("."));
        const target = form.querySelector(`[data-field="${dotted}"]`) || form.querySelector(`[data-path="${dotted}"] input, [data-path="${dotted}"] select, [data-path="${dotted}"] textarea, [data-path="${dotted}"] button`);
        if (target) {
          let section = target.closest("details");
          while (section) { section.open = true; section = section.parentElement.closest("details"); }
          target.scrollIntoView({ block: "center" });
          target.focus({ preventScroll: true });
          return true;
        }
        parts = parts.slice(0, -1);
      }
      return false;
    }

    // The CLI's words, with each field key it names turned into the field's label (a link to it).
    function linked(text) {
      const nodes = [];
      let last = 0;
      const words = text.replace(/对应的键/g, "对应的栏目");
      for (const found of words.matchAll(/(?<![A-Za-z0-9_.])[a-z][a-z_]*(?:\.[a-z0-9_]+)*(?![A-Za-z0-9_.])/g)) {
        const label = form.querySelector(`[data-path="${CSS.escape(found[0])}"]`) ? fieldLabel(found[0]) : "";
        if (!label) continue;
        const inBrackets = words[found.index - 1] === "（" && words[found.index + found[0].length] === "）";
        const link = Form.el("a", { href: "#", class: "jump", "data-jump": found[0], text: inBrackets ? "去填写" : `“${label}”` });
        link.addEventListener("click", (event) => { event.preventDefault(); goTo(found[0]); });
        nodes.push(words.slice(last, found.index), link);
        last = found.index + found[0].length;
      }
      nodes.push(words.slice(last));
      return nodes;
    }

    // The 提示 fold into one line ("3 条提示：依据文件 2 条、指标 1 条") that opens on a click and stays
    // open across previews (third new-user trial, F6: a block of 提示 was the first thing a new user read).
    function folded(warnings, open, onToggle) {
      if (!warnings.length) return [];
      const counts = new Map();
      for (const w of warnings) {
        const head = w.split("：").slice(0, 3).join("：");
        const found = KINDS.find(([key]) => head.includes(key));
        const kind = found ? found[1] : "其他";
        counts.set(kind, (counts.get(kind) || 0) + 1);
      }
      const words = [...counts].map(([kind, n]) => `${kind} ${n} 条`).join("、");
      const details = Form.el("details", { class: "folded", open },
        Form.el("summary", {}, `${warnings.length} 条提示：${words}（点开查看）`),
        ...warnings.map((w) => Form.el("p", {}, "提示：", linked(w))));
      details.addEventListener("toggle", () => onToggle(details.open));
      return [details];
    }

    return { fieldLabel, fieldsWords, folded, goTo, linked };
  }

  return { of };
})();
