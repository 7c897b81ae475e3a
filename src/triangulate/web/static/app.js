// triangulate: small progressive enhancements; every page works without this file.
"use strict";

function pollJob(box) {
  const id = box.dataset.job;
  const status = document.getElementById("job-status");
  const tick = async () => {
    try {
      const response = await fetch("/jobs/" + encodeURIComponent(id) + ".json", { headers: { Accept: "application/json" } });
      if (!response.ok) { status.textContent = "Lost track of this job (" + response.status + ")."; return; }
      const job = await response.json();
      status.textContent = job.events.length + " inputs read: " + job.counts.stored + " stored, " + job.counts.error + " failed.";
      if (job.finished) { window.location.assign(job.next); return; }
    } catch (error) {
      status.textContent = "Waiting for the server…";
    }
    window.setTimeout(tick, 500);
  };
  tick();
}

function markTarget() {
  // Older browsers style :target late after in-page navigation; a class keeps the highlight.
  document.querySelectorAll("mark.is-target").forEach((m) => m.classList.remove("is-target"));
  const id = decodeURIComponent(window.location.hash.slice(1));
  const mark = id ? document.getElementById(id) : null;
  if (mark && mark.tagName === "MARK") { mark.classList.add("is-target"); }
}

function busyButtons() {
  document.querySelectorAll("button[data-busy]").forEach((button) => {
    button.form.addEventListener("submit", () => {
      button.textContent = button.dataset.busy;
      window.setTimeout(() => { button.disabled = true; }, 0);
    });
  });
}

function markDetails(mark, text) {
  // A highlight nested in others (a name inside a quote) shows every layer's detail, innermost first.
  const details = [];
  for (let m = mark; m && m !== text; m = m.parentElement) {
    if (m.tagName === "MARK" && m.title && !details.includes(m.title)) { details.push(m.title); }
  }
  return details.join(" · ");
}

function highlightDetails() {
  // A title shows only on hover; a tap, a click or keyboard focus shows it in a box instead.
  const text = document.getElementById("text");
  const marks = text ? text.querySelectorAll("mark[title]") : [];
  if (!marks.length) { return; }
  const box = document.createElement("div");
  box.className = "hl-detail";
  box.id = "hl-detail";
  box.hidden = true;
  const said = document.createElement("p");
  said.setAttribute("role", "status");
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", "Close the details");
  box.append(said, close);
  text.after(box);
  const hide = () => { box.hidden = true; };
  const show = (target) => {
    const mark = target.closest ? target.closest("mark[title]") : null;
    if (!mark || !text.contains(mark)) { return false; }
    said.textContent = markDetails(mark, text);
    box.hidden = false;
    return true;
  };
  marks.forEach((mark) => { mark.tabIndex = 0; });
  text.addEventListener("click", (event) => { if (!show(event.target)) { hide(); } });
  text.addEventListener("focusin", (event) => { show(event.target); });
  close.addEventListener("click", hide);
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") { hide(); } });
}

function openOnNarrowScreens() {
  // The timeline as a list reads better than the chart on a phone: open it there.
  if (window.matchMedia("(max-width: 640px)").matches) {
    document.querySelectorAll("details[data-open-narrow]").forEach((d) => { d.open = true; });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const job = document.getElementById("job");
  if (job) { pollJob(job); }
  markTarget();
  window.addEventListener("hashchange", markTarget);
  busyButtons();
  highlightDetails();
  openOnNarrowScreens();
});
