// pecheck 审核台. No framework, no network beyond this server. Every text from the server (file
// names, quoted report text, notes) goes into the page as textContent, never as HTML.
"use strict";

const CSRF = document.querySelector('meta[name="csrf-token"]').content;
let META = null;
let pollTimer = null;

// ------------------------------------------------------------------------------------------ helpers

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k === "style") Object.assign(e.style, v);  // CSSOM: allowed by the CSP, unlike style=""
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

async function api(path, opts = {}) {
  const o = { credentials: "same-origin", ...opts, headers: { ...(opts.headers || {}) } };
  if (o.method && o.method !== "GET") o.headers["X-CSRF-Token"] = CSRF;
  const r = await fetch(path, o);
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) {
    const err = new Error((body && body.error) || `HTTP ${r.status}`);
    err.status = r.status;
    throw err;
  }
  return body;
}

function label(kind, key) {
  return (META && META.labels[kind] && META.labels[kind][key]) || key;
}

function when(t) {
  if (!t) return "";
  const d = new Date(t * 1000);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function stateCell(r) {
  const pr = r.progress || {};
  const text = label("status", r.status);
  const td = el("td", { class: `state ${r.status}` });
  if (r.status === "queued") {
    td.append(text, pr.ahead ? `（前面 ${pr.ahead} 份）` : "", el("span", { class: "bar" }, el("i", { style: { width: "0" } })));
  } else if (r.status === "running") {
    const stage = pr.stage === "rendering" ? "生成页面图" : "检查中";
    td.append(`${stage} ${Math.round(pr.elapsed || 0)} 秒`, el("span", { class: "bar busy" }, el("i")));
  } else if (r.status === "failed") {
    td.append(text, el("div", { class: "mute" }, r.error || ""));
  } else {
    td.append(text);
  }
  return td;
}

function locText(f, i) {
  // made by the server, as in every other output
  return (f.location_labels && f.location_labels[i]) || (f.locations[i].page ? `第${f.locations[i].page}页` : "");
}

// ------------------------------------------------------------------------------------------ home

async function loadMeta() {
  if (!META) {
    META = await api("/api/meta");
    document.getElementById("limit").textContent = String(Math.round(META.limit / 1048576));
  }
}

async function showHome() {
  document.getElementById("home").hidden = false;
  document.getElementById("view").hidden = true;
  document.title = "pecheck 审核台";
  await refreshList();
}

async function refreshList() {
  clearTimeout(pollTimer);
  let data;
  try { data = await api("/api/reports"); } catch (e) { say(e.message, true); pollTimer = setTimeout(refreshList, 5000); return; }
  const tbody = document.querySelector("#reports tbody");
  tbody.replaceChildren();
  const rows = data.reports.slice().reverse();
  document.getElementById("empty").hidden = rows.length > 0;
  for (const r of rows) {
    const c = r.counts || {}, d = r.decisions || {};
    tbody.append(el("tr", { dataset: { id: r.id, status: r.status } },
      el("td", { class: "name" }, el("a", { href: `#/r/${r.id}` }, r.name)),
      el("td", { class: "n" }, `v${r.version}`),
      el("td", {}, r.project || ""),
      stateCell(r),
      el("td", { class: "n" }, c.error ?? ""), el("td", { class: "n" }, c.warning ?? ""),
      el("td", { class: "n" }, c.info ?? ""),
      el("td", { class: "n" }, d.confirmed ?? ""), el("td", { class: "n" }, d.rejected ?? ""),
      el("td", { class: "n" }, d.open ?? ""),
      el("td", {}, when(r.created))));
  }
  const sel = document.getElementById("previous");
  const keep = sel.value;
  sel.replaceChildren(el("option", { value: "" }, "（新报告）"));
  for (const r of data.reports) {
    if (r.status === "done" || r.status === "failed") {
      sel.append(el("option", { value: r.id }, `${r.name}（v${r.version}）`));
    }
  }
  sel.value = [...sel.options].some((o) => o.value === keep) ? keep : "";
  if (!document.getElementById("home").hidden) {
    pollTimer = setTimeout(refreshList, data.pending ? 1000 : 5000);
  }
}

function say(text, bad) {
  const box = document.getElementById("msg");
  box.prepend(el("p", { class: bad ? "bad" : "good" }, text));
  while (box.children.length > 6) box.lastChild.remove();
}

async function upload(files) {
  const previous = document.getElementById("previous").value;
  for (const f of files) {
    const form = new FormData();
    form.append("file", f, f.name);
    if (previous) form.append("previous", previous);
    try {
      const got = await api("/api/reports", { method: "POST", body: form });
      const n = got.reports.length;
      say(n > 1 ? `已上传 ${f.name}：${n} 份报告排队检查` : `已上传 ${f.name}，排队检查`);
      if (got.skipped && got.skipped.length) say(`已跳过不支持的文件：${got.skipped.join("、")}`, true);
    } catch (e) {
      say(`${f.name}：${e.message}`, true);
    }
  }
  document.getElementById("previous").value = "";
  refreshList();
}

function setupDrop() {
  const drop = document.getElementById("drop");
  const input = document.getElementById("file");
  input.addEventListener("change", () => { upload([...input.files]); input.value = ""; });
  for (const ev of ["dragenter", "dragover"]) {
    drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add("over"); });
  }
  for (const ev of ["dragleave", "drop"]) {
    drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.remove("over"); });
  }
  drop.addEventListener("drop", (e) => upload([...e.dataTransfer.files]));
}

// ------------------------------------------------------------------------------------- report view

async function showReport(id) {
  clearTimeout(pollTimer);
  document.getElementById("home").hidden = true;
  const view = document.getElementById("view");
  view.hidden = false;
  let r;
  try { r = await api(`/api/reports/${encodeURIComponent(id)}`); } catch (e) {
    view.replaceChildren(el("p", { class: "failed" }, e.message));
    return;
  }
  document.title = `${r.name}：pecheck 审核台`;
  if (r.status === "queued" || r.status === "running") {
    view.replaceChildren(el("div", { class: "vhead" }, el("h1", {}, r.name),
      el("table", { class: "list" }, el("tbody", {}, el("tr", {}, stateCell(r))))));
    pollTimer = setTimeout(() => { if (location.hash === `#/r/${id}`) showReport(id); }, 1000);
    return;
  }
  renderReport(view, r);
}

function counts(r) {
  const c = r.counts || {}, d = r.decisions || {};
  return el("p", { class: "facts" },
    el("span", {}, `错误 ${c.error || 0}`), el("span", {}, `警告 ${c.warning || 0}`), el("span", {}, `提示 ${c.info || 0}`),
    el("span", { id: "dcounts" }, `已确认 ${d.confirmed || 0}，已驳回 ${d.rejected || 0}，待定 ${d.open || 0}`));
}

function renderReport(view, r) {
  const rep = r.report || { findings: [] };
  const s = rep.summary || {};
  const head = el("div", { class: "vhead" },
    el("h1", {}, r.name),
    el("p", { class: "mute" },
      `第 ${r.version} 版 · ${(r.kind || "").toUpperCase()} ${rep.pages || 0} 页 · ${when(r.created)}`,
      s.project ? ` · 项目：${s.project}` : "", s.unit ? ` · 单位：${s.unit}` : "",
      s.score ? ` · 得分 ${s.score}` : "", s.grade ? ` · 等级 ${s.grade}` : ""));
  if (r.status === "failed") {
    head.append(el("p", { class: "failed" }, `无法检查：${r.error || ""}`));
    view.replaceChildren(head);
    return;
  }
  head.append(counts(r));
  if (r.compare) {
    head.append(el("p", { class: "compare" }, "与上一版相比：",
      el("b", { class: "fixed" }, `已修正 ${r.compare.fixed}`), "，",
      el("b", { class: "open" }, `仍存在 ${r.compare.still_open}`), "，",
      el("b", { class: "new" }, `新增 ${r.compare.new}`), " ",
      el("a", { href: `#/r/${r.previous}` }, "查看上一版")));
  }
  const ex = el("div", { class: "exports" }, "导出：",
    el("a", { class: "btn", href: `/api/reports/${r.id}/export/xlsx` }, "问题清单 Excel"),
    el("a", { class: "btn", href: `/api/reports/${r.id}/export/letter` }, "退回意见 DOCX"));
  if (r.kind === "pdf") ex.append(el("a", { class: "btn", href: `/api/reports/${r.id}/export/pdf` }, "批注 PDF（已确认）"));
  if (r.kind === "docx" && META && META.docx_comments) {
    ex.append(el("a", { class: "btn", href: `/api/reports/${r.id}/export/docx` }, "批注 DOCX（已确认）"));
  }
  ex.append(el("span", { class: "mute" }, "批注文件与退回意见只包含已确认的问题"));
  head.append(ex);

  // filters
  const cats = [...new Set(rep.findings.map((f) => f.category))];
  const catSel = el("select", { id: "f-cat" }, el("option", { value: "" }, "全部类别"),
    cats.map((c) => el("option", { value: c }, label("category", c))));
  const sevBoxes = ["error", "warning", "info"].map((sv) =>
    el("label", {}, el("input", { type: "checkbox", value: sv, checked: true, class: "f-sev" }), label("severity", sv)));
  const decSel = el("select", { id: "f-dec" }, el("option", { value: "" }, "全部决定"),
    ["open", "confirmed", "rejected"].map((d) => el("option", { value: d }, label("decision", d))));
  const filters = el("div", { class: "filters" }, "筛选：", el("label", {}, "类别 ", catSel), ...sevBoxes,
    el("label", {}, "决定 ", decSel), el("span", { id: "shown", class: "mute" }));

  const list = el("div", { class: "findings", id: "findings" });
  const pane = el("div", { class: "pages", id: "pages" });
  if (!rep.findings.length) list.append(el("p", { class: "mute" }, "未发现问题。"));
  for (const sev of ["error", "warning", "info"]) {
    const fs = rep.findings.filter((f) => f.severity === sev);
    if (!fs.length) continue;
    list.append(el("h2", { class: "sev", dataset: { sev } }, `${label("severity", sev)}（${fs.length}）`));
    for (const f of fs) list.append(card(r, f));
  }
  if (r.compare && r.compare.fixed_findings && r.compare.fixed_findings.length) {
    list.append(el("details", { class: "fixed" }, el("summary", {}, `上一版中已修正的问题（${r.compare.fixed_findings.length}）`),
      el("ul", {}, r.compare.fixed_findings.map((f) => el("li", {}, el("span", { class: "code" }, f.rule), " ", f.message)))));
  }
  renderPages(pane, r);
  const paged = Object.keys(r.pages || {}).length > 0;  // a DOCX has no page pictures: one column
  view.replaceChildren(head, filters, el("div", { class: paged ? "cols" : "cols single" }, list, pane));
  for (const inp of filters.querySelectorAll("select, input")) inp.addEventListener("change", applyFilters);
  applyFilters();
}

function card(r, f) {
  const vals = [];
  if (f.expected !== null && f.expected !== undefined) vals.push(el("span", {}, "应为 ", el("b", { class: "exp" }, f.expected)));
  if (f.found !== null && f.found !== undefined) vals.push(el("span", {}, "实为 ", el("b", { class: "fnd" }, f.found)));
  if (f.difference !== null && f.difference !== undefined) vals.push(el("span", {}, `差额 ${f.difference}`));
  const note = el("input", { type: "text", placeholder: "备注（可选）", value: f.note || "", "aria-label": "备注" });
  const btn = (d, text, cls) => el("button", { type: "button", class: `btn ${cls}`, dataset: { d },
    onclick: (e) => { e.stopPropagation(); decide(r, f, d, note.value, c); } }, text);
  const c = el("div", { class: `finding ${f.severity}`, id: `f${f.id}`,
    dataset: { id: f.id, cat: f.category, sev: f.severity, dec: f.decision } },
    el("div", { class: "fhead" }, el("span", { class: "code" }, f.rule),
      el("span", { class: `badge ${f.severity}` }, label("severity", f.severity)),
      el("span", { class: "cat" }, label("category", f.category)),
      f.change ? el("span", { class: `badge ${f.change}` }, label("change", f.change)) : null,
      el("span", { class: "badge dstate" })),
    el("p", { class: "msg" }, f.message),
    f.hint ? el("p", { class: "hint" }, `提示：${f.hint}`) : null,
    f.fix ? el("p", { class: "hint" }, `修改建议：${f.fix}`) : null,
    vals.length ? el("div", { class: "values" }, vals) : null,
    f.locations && f.locations.length ? el("ul", { class: "locs" }, f.locations.map((l, i) => el("li", {}, locText(f, i)))) : null,
    r.crops && r.crops[f.id] ? el("img", { class: "crop", loading: "lazy", alt: `${f.rule} 证据截图`,
      src: `/api/reports/${r.id}/evidence/${f.id}`, width: Math.round(r.crops[f.id][0] * 0.625),
      height: Math.round(r.crops[f.id][1] * 0.625) }) : null,
    el("div", { class: "decide" }, btn("confirmed", "确认", "confirm"), btn("rejected", "驳回", "reject"),
      btn("open", "待定", "reopen"), note,
      f.decided_on ? el("span", { class: "inherited" }, "（沿用上一版的决定）") : null));
  note.addEventListener("click", (e) => e.stopPropagation());
  note.addEventListener("keydown", (e) => { if (e.key === "Enter") decide(r, f, c.dataset.dec || "open", note.value, c); });
  c.addEventListener("click", () => focusFinding(f.id, true));
  showDecision(c, f.decision);
  return c;
}

function showDecision(c, d) {
  c.dataset.dec = d;
  c.classList.remove("confirmed", "rejected", "open");
  c.classList.add(d);
  for (const b of c.querySelectorAll(".decide .btn")) b.classList.toggle("on", b.dataset.d === d);
  const badge = c.querySelector(".dstate");
  badge.className = `badge dstate d-${d}`;
  badge.textContent = label("decision", d);
  for (const b of document.querySelectorAll(`.box[data-id="${c.dataset.id}"]`)) {
    b.classList.remove("confirmed", "rejected", "open");
    b.classList.add(d);
  }
}

async function decide(r, f, d, note, c) {
  try {
    const got = await api(`/api/reports/${r.id}/findings/${f.id}/decision`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ decision: d, note }),
    });
    f.decision = got.decision;
    f.note = got.note;
    showDecision(c, got.decision);
    const k = got.decisions;
    document.getElementById("dcounts").textContent = `已确认 ${k.confirmed}，已驳回 ${k.rejected}，待定 ${k.open}`;
    applyFilters();
  } catch (e) {
    alert(e.message);
  }
}

function renderPages(pane, r) {
  const nums = Object.keys(r.pages || {}).map(Number).sort((a, b) => a - b);
  if (!nums.length) {
    pane.append(el("p", { class: "nopages" }, r.kind === "docx"
      ? "DOCX 文件没有版面坐标：证据见每条问题下列出的位置与原文引文。"
      : "没有可定位到页面的问题。"));
    return;
  }
  for (const n of nums) {
    const g = r.pages[String(n)];
    const page = el("div", { class: "page", id: `p${n}`, dataset: { n } },
      el("img", { src: `/api/reports/${r.id}/pages/${n}`, alt: `第${n}页`, loading: "lazy",
        width: g.px[0], height: g.px[1] }),
      el("span", { class: "pno" }, `第${n}页`));
    for (const f of r.report.findings) {
      for (const loc of f.locations || []) {
        if (loc.page !== n || !loc.bbox) continue;
        const [x0, t0, x1, b0] = loc.bbox;
        const pad = 2;
        const left = ((x0 - pad - g.dx) / g.width) * 100, top = ((t0 - pad - g.dy) / g.height) * 100;
        const w = ((x1 - x0 + 2 * pad) / g.width) * 100, h = ((b0 - t0 + 2 * pad) / g.height) * 100;
        const box = el("div", { class: `box ${f.severity} ${f.decision}`, title: `${f.rule} ${f.message}`,
          dataset: { id: f.id, cat: f.category, sev: f.severity },
          style: { left: `${left.toFixed(3)}%`, top: `${top.toFixed(3)}%`, width: `${w.toFixed(3)}%`,
            height: `${h.toFixed(3)}%` } });
        box.addEventListener("click", () => focusFinding(f.id, false));
        page.append(box);
      }
    }
    pane.append(page);
  }
}

function focusFinding(id, scrollPage) {
  for (const e of document.querySelectorAll(".finding.active, .box.active")) e.classList.remove("active");
  const c = document.getElementById(`f${id}`);
  if (c) c.classList.add("active");
  const boxes = [...document.querySelectorAll(`.box[data-id="${id}"]`)];
  for (const b of boxes) { b.classList.add("active"); b.classList.remove("flash"); void b.offsetWidth; b.classList.add("flash"); }
  if (scrollPage && boxes.length) {
    const pane = document.getElementById("pages");
    const b = boxes[0];
    const top = b.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop - 60;
    pane.scrollTo({ top, behavior: "smooth" });
  } else if (!scrollPage && c) {
    c.scrollIntoView({ behavior: "smooth", block: "center" });
  }
}

function applyFilters() {
  const cat = document.getElementById("f-cat").value;
  const dec = document.getElementById("f-dec").value;
  const sevs = new Set([...document.querySelectorAll(".f-sev:checked")].map((i) => i.value));
  let shown = 0, total = 0;
  for (const c of document.querySelectorAll(".finding")) {
    const ok = (!cat || c.dataset.cat === cat) && sevs.has(c.dataset.sev) && (!dec || c.dataset.dec === dec);
    c.classList.toggle("hidden", !ok);
    total += 1;
    if (ok) shown += 1;
    for (const b of document.querySelectorAll(`.box[data-id="${c.dataset.id}"]`)) b.classList.toggle("hidden", !ok);
  }
  for (const h of document.querySelectorAll("h2.sev")) {
    h.classList.toggle("hidden", !sevs.has(h.dataset.sev) ||
      !document.querySelector(`.finding[data-sev="${h.dataset.sev}"]:not(.hidden)`));
  }
  const s = document.getElementById("shown");
  if (s) s.textContent = `显示 ${shown} / ${total} 项`;
}

// ------------------------------------------------------------------------------------------ router

async function route() {
  await loadMeta().catch((e) => say(e.message, true));
  const m = location.hash.match(/^#\/r\/([0-9a-f]{16})$/);
  if (m) await showReport(m[1]);
  else await showHome();
}

document.addEventListener("DOMContentLoaded", () => {
  setupDrop();
  window.addEventListener("hashchange", route);
  route();
});
