// The translation desk on a parallel view of the preview: each English segment can be edited
// in place. Enter (or a click) opens a segment; Ctrl+Enter saves it and opens the next;
// Alt+Down / Alt+Up go to the next / previous segment (saving a changed one first); Esc
// closes. The text being written is kept in sessionStorage, so the reload that follows
// every save (the preview rebuilds, then reloads the page) reopens it where it was.
(() => {
  "use strict";
  const settings = JSON.parse(document.getElementById("nashra-desk").textContent);
  const api = `${settings.api}articles/${encodeURIComponent(settings.slug)}`;
  const kept = `nashra-desk:${settings.slug}`;
  const STATES = {
    human: "Human translation",
    reviewed: "Machine translation, reviewed by an editor",
    machine: "Machine translation, not reviewed",
    missing: "Not translated yet",
    stale: "Stale: the Arabic changed since this English was written",
  };
  let article = null;
  // The segment being edited: {id, element, editor, textarea, message, version, base, conflict};
  // `base` is the English it opened with; `conflict` is set when the memory changed under it,
  // and then only an explicit save (Ctrl+Enter, the button) writes the text over the change.
  let open = null;
  let saving = false; // a save is on its way: nothing else is opened or saved meanwhile

  const english = (id) => document.getElementById(`en-${id}`);
  const arabic = (id) => document.getElementById(`ar-${id}`);
  const segmentOf = (id) => article.segments.find((segment) => segment.id === id);

  async function call(url, options = {}) {
    const response = await fetch(url, {
      ...options,
      headers: { "X-Nashra-Desk": settings.token, "Content-Type": "application/json" },
    });
    const body = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) {
      throw Object.assign(new Error(body.error || response.statusText), { status: response.status });
    }
    return body;
  }

  function describe(segment) {
    const engine = segment.engine && segment.state !== "human" ? ` (${segment.engine})` : "";
    return STATES[segment.state] + engine;
  }

  function mark() {
    for (const segment of article.segments) {
      const element = english(segment.id);
      if (!element) continue;
      element.tabIndex = 0;
      element.classList.add("desk-segment");
      element.dataset.deskState = segment.state;
      element.title = `${describe(segment)}. Enter to edit.`;
      if (element.dataset.deskReady) continue;
      element.dataset.deskReady = "1";
      element.addEventListener("click", () => edit(segment.id));
      element.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          edit(segment.id);
        }
      });
    }
  }

  function remember() {
    if (open) {
      const { id, textarea, version, base } = open;
      sessionStorage.setItem(kept, JSON.stringify({ id, text: textarea.value, version, base }));
    }
  }

  const changed = () => open.textarea.value.trim() !== open.base.trim();

  function edit(id, draft = null) {
    if (saving || (open && open.id === id)) return;
    if (open && changed()) {
      save(id); // opening another segment saves this one first, as moving to it does
      return;
    }
    close();
    const segment = segmentOf(id);
    const element = english(id);
    if (!segment || !element) return;
    const editor = document.createElement("div");
    editor.className = "desk-editor";
    editor.setAttribute("role", "group");
    editor.setAttribute("aria-label", `Edit the English of segment ${id}`);
    editor.innerHTML = `<p class="desk-state"></p><p class="desk-source" lang="ar" dir="rtl"></p>
      <textarea lang="en" dir="ltr" rows="3" aria-label="English"></textarea>
      <p class="desk-keys">Ctrl+Enter save and next · Alt+↓ / Alt+↑ next / previous · Esc close</p>
      <p class="desk-message" role="status" aria-live="polite"></p>
      <p class="desk-buttons"><button type="button" class="desk-save">Save</button>
      <button type="button" class="desk-close">Close</button></p>`;
    editor.querySelector(".desk-state").textContent = `${id}: ${describe(segment)}`;
    editor.querySelector(".desk-source").textContent = segment.source;
    const textarea = editor.querySelector("textarea");
    // A draft kept across a reload: the text being written, and the memory it was begun on.
    const typed = draft && draft.text !== draft.base;
    textarea.value = typed ? draft.text : segment.target;
    open = { id, element, editor, textarea, message: editor.querySelector(".desk-message"),
             version: typed ? draft.version : article.version, base: typed ? draft.base : segment.target,
             conflict: false };
    if (typed && segment.target !== draft.base) {
      open.conflict = true;
      open.message.classList.add("desk-error");
      open.message.textContent = `Changed elsewhere while you wrote: it now reads “${segment.target || "(no English)"}”. `
        + "Ctrl+Enter saves yours over it; Esc keeps the other.";
    }
    element.hidden = true;
    element.after(editor);
    arabic(id)?.classList.add("desk-source-active");
    textarea.addEventListener("input", remember);
    textarea.addEventListener("keydown", onKey);
    editor.querySelector(".desk-save").addEventListener("click", () => save(neighbour(1), true));
    editor.querySelector(".desk-close").addEventListener("click", () => close(true));
    textarea.focus();
    remember();
  }

  function close(refocus = false) {
    if (!open) return;
    const { element, editor, id } = open;
    editor.remove();
    element.hidden = false;
    arabic(id)?.classList.remove("desk-source-active");
    open = null;
    sessionStorage.removeItem(kept);
    if (refocus) element.focus();
  }

  function neighbour(step) {
    const ids = article.segments.map((segment) => segment.id).filter((id) => english(id));
    return ids[ids.indexOf(open.id) + step];
  }

  function onKey(event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save(neighbour(1), true);
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    }
  }

  function move(step) {
    if (saving) return;
    const next = neighbour(step);
    if (!changed()) {
      if (next) edit(next);
    } else if (open.conflict) {
      open.message.textContent = "Not moved: the memory changed under this text. Ctrl+Enter saves yours over it; "
        + "Esc keeps the other.";
    } else {
      save(next);
    }
  }

  // Save the open segment, then open `next` (a segment id) if given. Only one save at a
  // time, and what it does when it returns is for the segment it saved.
  async function save(next, explicit = false) {
    if (saving || (open.conflict && !explicit)) return false;
    const editing = open;
    const { id, textarea, message, version } = editing;
    saving = true;
    message.classList.remove("desk-error");
    message.textContent = "Saving…";
    try {
      article = await call(`${api}/${encodeURIComponent(id)}`, {
        method: "POST",
        body: JSON.stringify({ target: textarea.value, version }),
      });
    } catch (error) {
      message.classList.add("desk-error");
      message.textContent = error.message;
      if (error.status === 409) await refresh(editing); // the next explicit save goes over the change
      return false;
    } finally {
      saving = false;
    }
    editing.element.textContent = segmentOf(id).target;
    if (open === editing) close();
    mark();
    document.documentElement.dataset.deskSaved = String(Number(document.documentElement.dataset.deskSaved || 0) + 1);
    if (next) edit(next);
    else if (!open) english(id)?.focus();
    return true;
  }

  async function refresh(editing) {
    article = await call(api);
    mark();
    if (open !== editing) return;
    const now = segmentOf(editing.id);
    editing.version = article.version;
    editing.conflict = true;
    remember();
    if (now && now.target !== editing.textarea.value) {
      editing.message.textContent += ` It now reads: “${now.target || "(no English)"}”. `
        + "Ctrl+Enter saves yours over it.";
    }
  }

  function toolbar() {
    const needing = article.segments.filter((segment) => !["human", "reviewed"].includes(segment.state)).length;
    const bar = document.createElement("aside");
    bar.className = "desk-toolbar";
    bar.setAttribute("aria-label", "Translation desk");
    bar.lang = "en";
    bar.dir = "ltr";
    bar.innerHTML = `<strong>Translation desk</strong> <span class="desk-needing"></span>
      <span>Click an English passage, or Tab to it and press Enter, to edit it.</span> <a href="${settings.desk}">All articles</a>`;
    bar.querySelector(".desk-needing").textContent =
      `${needing} of ${article.segments.length} segments need an editor.`;
    document.body.append(bar);
  }

  async function start() {
    try {
      article = await call(api);
    } catch (error) {
      console.warn(`translation desk: ${error.message}`);
      return;
    }
    mark();
    toolbar();
    const draft = JSON.parse(sessionStorage.getItem(kept) || "null");
    if (draft && segmentOf(draft.id)) edit(draft.id, draft);
    document.documentElement.dataset.deskReady = "1";
  }

  start();
})();
