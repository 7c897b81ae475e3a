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

document.addEventListener("DOMContentLoaded", () => {
  const job = document.getElementById("job");
  if (job) { pollJob(job); }
  markTarget();
  window.addEventListener("hashchange", markTarget);
  busyButtons();
});
