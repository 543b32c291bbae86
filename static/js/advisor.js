// The advisor's progressive enhancements; everything works without them.
// - A what-if form restored from the back-forward cache is reset to the answers of its verdict.
// - "Copy link" copies the verdict's permalink (the button stays hidden without JavaScript,
//   where the permalink field and link are there to copy by hand).
// - Before htmx leaves a wizard step, the step's answers are written into the current history
//   entry's address, so Back returns to the step as it was answered (the address is the only state).
// - After htmx swaps in another wizard step, focus moves to its heading, so keyboard and
//   screen-reader users start reading the new step rather than staying on a removed button.
"use strict";

function revealCopyButtons() {
  document.querySelectorAll("[data-copy][hidden]").forEach((button) => {
    if (navigator.clipboard) button.hidden = false;
  });
}

document.addEventListener("DOMContentLoaded", revealCopyButtons);

// A page brought back from the back-forward cache shows its forms as they were left; the what-if
// form must show the answers this verdict is for, which its markup holds.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) document.querySelectorAll("form[autocomplete=off]").forEach((f) => f.reset());
});
document.addEventListener("htmx:afterSettle", (event) => {
  revealCopyButtons();
  if (event.target.id === "wizard") document.getElementById("step-title")?.focus();
});

document.addEventListener("htmx:beforeRequest", (event) => {
  const form = document.querySelector("#wizard form[hx-get]");
  if (!form || !form.contains(event.detail.elt) && !event.detail.elt.closest("#wizard")) return;
  const answers = new URLSearchParams(new FormData(form));
  answers.delete("go");
  answers.delete("goto");
  const query = answers.toString();
  history.replaceState(history.state, "", form.getAttribute("action") + (query ? "?" + query : ""));
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  try {
    await navigator.clipboard.writeText(field.value);
    button.textContent = button.dataset.done;
  } catch {
    // The browser refused the clipboard: select the link so that Ctrl+C copies it.
    field.select();
  }
});
