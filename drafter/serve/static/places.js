// Completion of the 辖区 name from the gazetteer (/api/places): a list under the field, used
// with the keyboard as a combobox (↓ ↑ to move, Enter to choose, Esc to close) or the mouse.
// Choosing a place hands it to `choose`, which fills province, city and level.
"use strict";

const Places = (() => {
  let serial = 0;

  function label(place) {
    return `${place.name}（${place.where}，${place.type}）`;
  }

  function attach(input, fetchPlaces, choose) {
    const id = `places-${++serial}`;
    const list = Form.el("ul", { class: "places", id, role: "listbox", "aria-label": "行政区划中的同名或近似名称", hidden: true });
    let places = [], active = -1, wait = null, asked = 0;
    Object.entries({ role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": id })
      .forEach(([key, value]) => input.setAttribute(key, value));

    function close() {
      list.hidden = true; places = []; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function mark(index) {
      active = index;
      [...list.children].forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", `${id}-${index}`);
        list.children[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(index) {
      const place = places[index];
      close();
      if (place) choose(place);
    }

    function show(found) {
      places = found;
      if (!found.length) { close(); return; }
      list.replaceChildren(...found.map((place, index) => {
        const item = Form.el("li", { id: `${id}-${index}`, role: "option", "aria-selected": "false", text: label(place) });
        item.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the field
        item.addEventListener("click", () => pick(index));
        return item;
      }));
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      mark(-1);
    }

    input.addEventListener("input", () => {
      clearTimeout(wait);
      const query = input.value.trim();
      if (!query) { close(); return; }
      wait = setTimeout(async () => {
        const mine = ++asked;
        const found = await fetchPlaces(query);
        if (mine === asked && document.activeElement === input) show(found);
      }, 150);
    });
    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const last = places.length - 1;
        mark(event.key === "ArrowDown" ? (active >= last ? 0 : active + 1) : (active <= 0 ? last : active - 1));
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        pick(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
    return list;
  }

  return { attach, label };
})();
